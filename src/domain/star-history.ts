import { effectiveStatus, type StarStatus } from './star-cycle';
import { STAR_LABELS, type Stars } from './star-rating';

/**
 * A branch's 五星 as its public page shows it: only ratings whose 公示 has ended (final), newest year first; the
 * current star is the latest of them. A rating still in 公示 or reopened by an 异议 is not yet the branch's star.
 */
export interface StarHistoryRow {
  year: number;
  stars: Stars;
  starsLabel: string;
}

export function publishedStars(
  assessments: readonly { year: number; status: StarStatus; stars: Stars | null; publicityEndsAt: Date | string | null }[],
  now: Date,
): { current: StarHistoryRow | null; history: StarHistoryRow[] } {
  const history = assessments
    .flatMap((a): StarHistoryRow[] =>
      a.stars !== null && effectiveStatus(a.status, a.publicityEndsAt ? new Date(a.publicityEndsAt) : null, now) === 'final'
        ? [{ year: a.year, stars: a.stars, starsLabel: STAR_LABELS[a.stars] }]
        : [],
    )
    .sort((a, b) => b.year - a.year);
  return { current: history[0] ?? null, history };
}
