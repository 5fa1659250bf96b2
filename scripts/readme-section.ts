import path from 'node:path';
import { format, resolveConfig } from 'prettier';

export const README_FILE = path.join(__dirname, '..', 'README.md');

/**
 * README with `content` between the two markers (a generated section: the access table, the
 * security table), formatted as Prettier formats the rest of the file.
 */
export async function readmeWithSection(
  readme: string,
  markers: { begin: string; end: string; name: string },
  content: string,
): Promise<string> {
  const begin = readme.indexOf(markers.begin);
  const end = readme.indexOf(markers.end);
  if (begin < 0 || end < begin) throw new Error(`README.md: markers of the ${markers.name} not found`);
  const next = `${readme.slice(0, begin + markers.begin.length)}\n\n${content}\n\n${readme.slice(end)}`;
  const options = (await resolveConfig(README_FILE)) ?? {};
  return format(next, { ...options, filepath: README_FILE });
}
