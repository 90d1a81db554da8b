import { describe, expect, it, vi } from 'vitest';
import { CATALOG_IMPORT_MAX_BYTES } from '../../../core/catalog/catalog-document';
import i18n from '../../i18n/setup';
import { jsonErrorPosition, parseCatalogText, readCatalogFile } from './catalogFile';

const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en');
const MB = 1024 * 1024;

const fileOf = (name: string, size: number, text = '') => ({ name, size, text: vi.fn(async () => text) });

describe('checking a catalogue file before import', () => {
  it('refuses a file over the limit without reading it, naming its size and the limit, in Chinese and English', async () => {
    const big = fileOf('目录.json', Math.round(12.3 * MB));
    expect(await readCatalogFile(big, zh)).toEqual({
      ok: false, message: '文件过大（12.3 MB），目录导入文件不能超过 10 MB。可将事项拆分为几个文件，分批导入。',
    });
    expect(await readCatalogFile(big, en)).toEqual({
      ok: false,
      message: 'The file is too large (12.3 MB); a catalogue import file may be at most 10 MB. You can split the services into several files and import them one after another.',
    });
    expect(big.text).not.toHaveBeenCalled();
  });

  it('never shows a file just over the limit as exactly the limit', async () => {
    const result = await readCatalogFile(fileOf('x.json', CATALOG_IMPORT_MAX_BYTES + 1), zh);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('（10.1 MB）') });
  });

  it('accepts a file of exactly the limit and counts its services', async () => {
    const text = JSON.stringify({ format: 'chuangkou.catalog', version: 1, services: [{ code: 'A' }, { code: 'B' }] });
    const result = await readCatalogFile(fileOf('ok.json', CATALOG_IMPORT_MAX_BYTES, text), zh);
    expect(result).toMatchObject({ ok: true, count: 2 });
  });

  it('names a file that is not JSON, and where it breaks when the browser says', () => {
    expect(parseCatalogText('表.xlsx', 'PK\u0003\u0004…', zh)).toEqual({ ok: false, message: '文件“表.xlsx”不是有效的 JSON，请检查后重试。' });
    expect(parseCatalogText('目录.json', '{\n  "format": "chuangkou.catalog",\n  "version" 1\n}', zh)).toEqual({
      ok: false, message: '文件“目录.json”不是有效的 JSON（第 3 行第 13 列附近有误），请检查后重试。',
    });
    expect(parseCatalogText('c.json', '{\n  "format": "chuangkou.catalog",\n  "version" 1\n}', en)).toEqual({
      ok: false, message: '"c.json" is not valid JSON (the error is near line 3, column 13). Please check the file.',
    });
  });

  it('says an empty file is empty', async () => {
    expect(await readCatalogFile(fileOf('空.json', 2, ' \n'), zh)).toEqual({ ok: false, message: '文件“空.json”是空的，请选择从本系统导出的目录文件。' });
  });

  it('reads the place of a JSON error from either kind of browser message', () => {
    expect(jsonErrorPosition('', new SyntaxError("Expected ',' or '}' after property value in JSON at position 57 (line 3 column 5)"))).toEqual({ line: 3, column: 5 });
    expect(jsonErrorPosition('', new SyntaxError("JSON.parse: expected ',' or '}' after property value in object at line 4 column 2 of the JSON data"))).toEqual({ line: 4, column: 2 });
    expect(jsonErrorPosition('{\n"a" 1}', new SyntaxError('Unexpected number in JSON at position 6'))).toEqual({ line: 2, column: 5 });
    expect(jsonErrorPosition('x', new SyntaxError("Unexpected token 'x', \"x\" is not valid JSON"))).toBeNull();
  });
});
