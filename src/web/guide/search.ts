// Finding a service the way a citizen asks: by its name, its code, its department, or a document
// they hold ("身份证"). Spaces split the query into words that must all match.
import type { GuideSummary } from './guideApi';

export interface Found {
  item: GuideSummary;
  /** Materials that matched, to show why a service is listed. */
  materials: string[];
}

const fold = (s: string) => s.toLowerCase().replace(/\s+/g, '');

export function searchGuide(items: GuideSummary[], query: string): Found[] {
  const words = query.trim().split(/\s+/).map(fold).filter(Boolean);
  if (!words.length) return items.map((item) => ({ item, materials: [] }));
  const found: Found[] = [];
  for (const item of items) {
    const own = fold([item.name, item.code, item.department ?? ''].join(' '));
    const materials = item.materialNames.filter((m) => words.some((w) => fold(m).includes(w)));
    const everyWord = words.every((w) => own.includes(w) || item.materialNames.some((m) => fold(m).includes(w)));
    if (everyWord) found.push({ item, materials: words.every((w) => own.includes(w)) ? [] : materials });
  }
  // Services whose own name matches come first: that is most likely what was meant.
  return found.sort((a, b) => Number(a.materials.length > 0) - Number(b.materials.length > 0));
}
