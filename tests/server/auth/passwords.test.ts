// scrypt hashes: salted, self-describing, verified in constant time; a wrong or malformed hash never matches.
import { hashPassword, verifyPassword } from '../../../server/auth/passwords';

describe('hashPassword / verifyPassword', () => {
  it('verifies the password it hashed and refuses another', async () => {
    const h = await hashPassword('correct horse battery');
    expect(h).toMatch(/^scrypt\$32768\$8\$3\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    await expect(verifyPassword('correct horse battery', h)).resolves.toBe(true);
    await expect(verifyPassword('correct horse batterz', h)).resolves.toBe(false);
  });

  it('salts: the same password hashes differently twice', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });

  it.each(['', 'plain', 'scrypt$1$2$3$abc', 'bcrypt$32768$8$3$c2FsdA==$aGFzaA==', 'scrypt$x$8$3$c2FsdA==$aGFzaA=='])('never matches the malformed hash %p', async (stored) => {
    await expect(verifyPassword('anything', stored)).resolves.toBe(false);
  });
});
