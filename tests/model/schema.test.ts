// The shared text fields: what they keep, what they refuse, and that the OpenAPI description says the same.
import { createSchema } from 'zod-openapi';
import { ActorCreateRequest, Provenance } from '../../model/schema';

const name = ActorCreateRequest.shape.actor.shape.name;

describe('text fields', () => {
  it.each([
    ['  Acme  ', 'Acme'],
    ['Ac\u0000me\u0007', 'Acme'],
    ['Région Sud\nPACA', 'Région Sud\nPACA'],
    ['a\tb', 'a\tb'],
  ])('keep %j as %j: trimmed, control characters dropped, tabs and line breaks kept', (input, kept) => {
    expect(name.parse(input)).toBe(kept);
  });

  it.each(['', '   ', '\u0000', ' \u0007\u001f '])('refuse %j: nothing visible is left', (input) => {
    expect(name.safeParse(input).success).toBe(false);
  });

  it('are described by a pattern that accepts and refuses the same texts', () => {
    const schema = createSchema(ActorCreateRequest).schema as unknown as { properties: { actor: { properties: { name: { pattern: string } } } } };
    const re = new RegExp(schema.properties.actor.properties.name.pattern);
    for (const t of ['Acme', ' a ', 'a\u0001b', '', '   ', '\u0000', ' \u0007 ']) expect(re.test(t)).toBe(name.safeParse(t).success);
  });
});

describe('Provenance', () => {
  it('needs a source or a reason, and says so in the description', () => {
    expect(Provenance.safeParse({ excerpt: 'x' }).success).toBe(false);
    expect(Provenance.safeParse({ reason: 'typo' }).success).toBe(true);
    expect(createSchema(Provenance).schema).toMatchObject({ anyOf: [{ required: ['source'] }, { required: ['reason'] }] });
  });
});
