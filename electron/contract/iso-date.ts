import { z } from 'zod';
import { onCalendar } from './calendar-days';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether a YYYY-MM-DD string names a day on the calendar. Date would roll 2026-02-30 over to 2 March without a word (an
 * export as of "30 February" would silently be as of 2 March); only the form's own month lengths and leap years pass.
 * A string not of the form passes here: the regex before says what is wrong with it.
 */
function onTheCalendar(value: string): boolean {
  if (!ISO_DAY.test(value)) return true;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return onCalendar(year, month, day);
}

/** A plain day, YYYY-MM-DD, that is on the calendar (2026-02-30 and 2026-13-01 are refused, not rolled over). */
export const isoDate = z.string().regex(ISO_DAY, 'expected YYYY-MM-DD').refine(onTheCalendar, 'expected a day on the calendar (YYYY-MM-DD): no such day');
