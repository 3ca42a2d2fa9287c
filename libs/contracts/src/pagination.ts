export type SortOrder = 'ASC' | 'DESC';

export interface ListQuery<TSort extends string = string> {
  page?: number;
  perPage?: number;
  sort?: TSort;
  order?: SortOrder;
}

/** A page of rows and the number of rows that match, counted under the same access rules. */
export interface Page<T> {
  data: T[];
  total: number;
}
