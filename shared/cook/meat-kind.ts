/** The cuts Pitwatch knows: shared by the cook physics (how they heat) and the doneness presets (when they are done). */
export const MEAT_KINDS = ['brisket', 'pork-butt', 'ribs', 'chicken', 'turkey', 'steak', 'salmon'] as const;

export type MeatKind = (typeof MEAT_KINDS)[number];

export function isMeatKind(value: string): value is MeatKind {
  return (MEAT_KINDS as readonly string[]).includes(value);
}
