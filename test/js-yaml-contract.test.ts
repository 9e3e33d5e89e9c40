import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

/**
 * The fast reader (src/load/yaml-file.ts) rests on js-yaml 4's `listener` option, which its
 * README does not document and js-yaml 5 dropped. These are the parts of the contract it uses;
 * if an upgrade changes one, this fails before any position goes wrong.
 */
describe("js-yaml's listener contract", () => {
  const text = 'a: 1\nb:\n  - x\n  - { c: 2.20 }\n';
  const events: { type: string; position: number; result: unknown }[] = [];
  const data = jsYaml.load(text, {
    schema: jsYaml.CORE_SCHEMA,
    listener(type, state) {
      events.push({ type, position: state.position, result: state.result });
    },
  });

  it('is still js-yaml 4 with the option', () => {
    expect(data).toEqual({ a: 1, b: ['x', { c: 2.2 }] });
    expect(events.length).toBeGreaterThan(0);
  });

  it("calls 'open' and 'close' once per node, properly nested", () => {
    let depth = 0;
    for (const event of events) {
      expect(['open', 'close']).toContain(event.type);
      depth += event.type === 'open' ? 1 : -1;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
    // The mapping, its keys a and b, 1, the sequence, x and the flow mapping (each item of a block
    // sequence twice: a node wrapping itself, which the reader skips), c and 2.20.
    expect(events.filter((e) => e.type === 'open')).toHaveLength(11);
  });

  it("gives each node's start offset on 'open' (before blanks) and its value on 'close'", () => {
    const opens = events.filter((e) => e.type === 'open').map((e) => text.slice(e.position).trimStart()[0]);
    expect(opens).toEqual(['a', 'a', '1', 'b', '-', 'x', 'x', '{', '{', 'c', '2']);
    const closes = events.filter((e) => e.type === 'close').map((e) => e.result);
    expect(closes).toContain(2.2);
    expect(closes.at(-1)).toEqual(data);
  });
});
