/** A share as a percentage with one decimal; "—" when there is nothing to divide by. */
export const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);
