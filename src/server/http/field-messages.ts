// What a person reads about each bad field of a request, in the language of the request (the
// one the error's own message is in). zod's own checks are worded at parse time, through a
// locale; the messages we wrote ourselves (in schemas and use cases) are fixed before anyone
// asks, so they carry their Chinese form with them and the response picks one.
import { z } from 'zod';
import type { FieldError, Language } from './errors.js';

export interface Words { zh: string; en: string }

// A schema's fixed message (a regex's, a refinement's) reaches the issue as one string, the
// English; its Chinese form is kept here under it. Only text fixed in the source is kept, when
// the schema is built (module load), never text made from the input: the table stays as small
// as the schemas, and is complete before the first request.
const chineseOf = new Map<string, string>();

/** A fixed message of ours for a schema check, called where the schema is built: the English goes into zod, the Chinese is remembered. */
export function fieldMessage(words: Words): string {
  chineseOf.set(words.en, words.zh);
  return words.en;
}

/** A problem a use case finds in a field, in both languages (it may name values from the input). */
export function fieldProblem(path: string, words: Words): FieldError {
  return { path, message: words.en, zh: words.zh };
}

/** The same for a schema's superRefine: `ctx.addIssue(customIssue(['to'], { zh, en }))`. */
export function customIssue(path: PropertyKey[], words: Words) {
  return { code: 'custom' as const, path, message: words.en, params: { zh: words.zh } };
}

/** One detail per problem, in the shape of the contract; one per unknown key, naming it. */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.flatMap((issue) => {
    const zh = issue.code === 'custom' && typeof issue.params?.zh === 'string' ? issue.params.zh : undefined;
    const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    return paths.map((path) => ({ path: path.map(String).join('.'), message: issue.message, ...(zh ? { zh } : {}) }));
  });
}

/** Details as sent: each message in the reader's language, and nothing else. */
export function localiseFieldErrors(details: readonly FieldError[], lang: Language): FieldError[] {
  return details.map((d) => ({
    path: d.path,
    message: lang === 'en' ? d.message : d.zh ?? chineseOf.get(d.message) ?? d.message,
  }));
}

export function isFieldErrorList(details: unknown): details is FieldError[] {
  return Array.isArray(details) && details.every((d) => d && typeof d === 'object' && typeof d.path === 'string' && typeof d.message === 'string');
}

// ---------------------------------------------------------------------------------------------
// zod's checks in plain Chinese. zod's zh-CN locale reads like a type checker ("数值过小：期望
// string >=1 字符"); a hall manager fixing a form needs "不能为空". The checks our schemas use
// are worded here; anything rarer falls back to zod's locale.

const english = z.locales.en().localeError;
const zodChinese = z.locales.zhCN().localeError;

const TYPE_NAMES: Record<string, string> = {
  string: '文字', number: '数字', int: '整数', boolean: '是或否（true/false）', array: '列表', object: '对象',
  null: '空值', date: '日期',
};
const typeName = (t: string) => TYPE_NAMES[t] ?? t;
const literal = (v: unknown) => (typeof v === 'string' ? `“${v}”` : String(v));

function chinese(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '此项为必填项';
      return `应为${typeName(issue.expected)}`;
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') {
        if (issue.exact) return `应为 ${n} 个字符`;
        return n <= 1 ? '不能为空' : `至少 ${n} 个字符`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') return issue.exact ? `应为 ${n} 项` : `至少 ${n} 项`;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        return issue.inclusive ? `不能小于 ${n}` : `应大于 ${n}`;
      }
      return undefined;
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return issue.exact ? `应为 ${n} 个字符` : `不能超过 ${n} 个字符`;
      if (issue.origin === 'array' || issue.origin === 'set') return issue.exact ? `应为 ${n} 项` : `最多 ${n} 项`;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        return issue.inclusive ? `不能大于 ${n}` : `应小于 ${n}`;
      }
      return undefined;
    }
    case 'invalid_value':
      return issue.values.length === 1 ? `应为 ${literal(issue.values[0])}` : `应为以下之一：${issue.values.map(literal).join('、')}`;
    case 'invalid_format':
      if (issue.format === 'regex') return '格式不正确';
      if (issue.format === 'uuid' || issue.format === 'guid') return '不是有效的编号';
      if (issue.format === 'url') return '不是有效的网址';
      return undefined;
    case 'unrecognized_keys':
      return '不接受此字段，请删除';
    default:
      return undefined;
  }
}

const maps: Record<Language, z.core.$ZodErrorMap> = {
  'zh-CN': (issue) => chinese(issue) ?? zodChinese(issue),
  en: (issue) => english(issue),
};

/** The per-parse error map for a request's language; a message written in the schema still wins. */
export function zodErrorMap(lang: Language): z.core.$ZodErrorMap {
  return maps[lang];
}
