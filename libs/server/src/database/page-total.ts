/**
 * The total of a paginated list whose rows carry it from `count(*) OVER ()`. A page past the end
 * has no rows to carry it, so only then is it counted apart: react-admin needs the real total to
 * move back to a page that exists.
 */
export async function pageTotal(
  rows: readonly { total?: number }[],
  countAll: () => Promise<number>,
): Promise<number> {
  const first = rows[0];

  return first?.total !== undefined ? first.total : countAll();
}
