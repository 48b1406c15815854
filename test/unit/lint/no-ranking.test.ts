import fs from 'node:fs';
import path from 'node:path';

/**
 * Points and figures are recognition only (docs/domain.md §9): no screen shows a leaderboard or a place in a list.
 * Scans every screen's source for the words a ranking would be shown with.
 */
const ROOT = path.resolve(__dirname, '../../..');
const SCREENS = ['src/pages', 'src/packages', 'src/features', 'src/components'];
const RANKING = /排行|排名|名次|光荣榜|红黑榜|龙虎榜|积分榜|leaderboard/i;

const rankingLines = (source: string) => source.split('\n').filter((line) => RANKING.test(line));

function screenFiles(): string[] {
  return SCREENS.flatMap((dir) =>
    fs
      .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => path.join(dir, f)),
  );
}

it('finds ranking words where they are', () => {
  expect(rankingLines("<Text>本月服务时长排行榜</Text>\n<Text>服务时长</Text>")).toEqual(['<Text>本月服务时长排行榜</Text>']);
});

it('no screen shows a leaderboard or a ranking', () => {
  const files = screenFiles();
  expect(files.length).toBeGreaterThan(50);
  const found = files.flatMap((f) => rankingLines(fs.readFileSync(path.join(ROOT, f), 'utf8')).map((line) => `${f}: ${line.trim()}`));
  expect(found).toEqual([]);
});
