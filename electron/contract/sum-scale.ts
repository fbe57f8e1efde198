/**
 * Amounts are summed as integers of this many units per major unit, then divided once, so a total is exactly the
 * sum of its rows: thousandths, exact for every ISO currency (at most three decimals: KWD, BHD, OMR, JOD, TND …).
 * Hundredths rounded a Kuwaiti dinar balance of 1.235 to 1.24 in every card, aging bucket and report cell.
 */
export const SUM_SCALE = 1000;
