import { shanghaiYear } from '@/domain/shanghai-time';

/** The year a 五星创评 page is about: from its query, else this year. */
export const yearFrom = (param: string | undefined) => (param && /^\d{4}$/.test(param) ? Number(param) : shanghaiYear(new Date()));
