// The account corner of the top bar: who is signed in, "Se connecter" when writes need it, sign-in and sign-out.
import type { SessionInfo } from '../../model/schema';
import type { AppContext } from '../app';
import { ApiRequestError } from '../api';
import { h } from './dom';

const ROLE_LABEL = { viewer: 'lecteur', editor: 'éditeur', admin: 'administrateur' } as const;

export function registerAccount(ctx: AppContext, corner: HTMLElement): void {
  const render = (s: SessionInfo) => {
    corner.replaceChildren();
    const u = s.user;
    if (u.via === 'session') {
      const out = h('button', { type: 'button', title: 'Se déconnecter', 'data-testid': 'logout' }, 'Déconnexion');
      out.addEventListener('click', () => void ctx.api.logout().then(ctx.setSession, (e: Error) => ctx.notify(e.message, 'error')));
      corner.append(h('span', { class: 'who', 'data-testid': 'who' }, h('b', {}, u.name), h('small', {}, ROLE_LABEL[u.role])), out);
    } else if (s.loginRequired) {
      // The local single user (loopback, no account) sees nothing: there is nothing to sign into.
      const btn = h('button', { type: 'button', 'data-testid': 'login' }, 'Se connecter');
      btn.addEventListener('click', () => openLogin(ctx));
      corner.append(btn);
    }
  };
  ctx.onSession(render);
  ctx.api.session().then(ctx.setSession, () => { /* reads still work; the corner stays empty */ });
}

/** The sign-in dialog; on success the whole page learns the new session (edit controls appear). */
export function openLogin(ctx: AppContext): void {
  const name = h('input', { type: 'text', name: 'name', autocomplete: 'username', required: '', 'data-testid': 'login-name' });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: '', 'data-testid': 'login-password' });
  const error = h('p', { class: 'form-error', role: 'alert', 'data-testid': 'login-error' });
  const cancel = h('button', { type: 'button', class: 'secondary' }, 'Annuler');
  const form = h(
    'form',
    { class: 'dialog-form', method: 'dialog' },
    h('h2', {}, 'Se connecter'),
    h('label', {}, 'Nom du compte', name),
    h('label', {}, 'Mot de passe', password),
    error,
    h('div', { class: 'dialog-actions' }, cancel, h('button', { type: 'submit', class: 'primary', 'data-testid': 'login-submit' }, 'Se connecter')),
  );
  const dialog = h('dialog', { class: 'dialog', 'data-testid': 'login-dialog' }, form);
  document.body.append(dialog);
  cancel.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    error.textContent = '';
    ctx.api.login(name.value, password.value).then(
      (s) => { ctx.setSession(s); dialog.close(); ctx.notify(`Connecté : ${s.user.name}`); },
      (err: unknown) => {
        error.textContent = err instanceof ApiRequestError && err.name === 'InvalidCredentials'
          ? 'Compte inconnu ou mot de passe incorrect.'
          : err instanceof ApiRequestError && err.name === 'TooManyRequests'
            ? 'Trop d’essais : réessayez dans quelques minutes.'
            : (err as Error).message;
      },
    );
  });
  dialog.showModal();
  name.focus();
}
