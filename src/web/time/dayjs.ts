// dayjs with the plugins this UI relies on: UTC parsing and IANA time zones. Locales are
// switched by i18n/setup.ts.
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);

export type { Dayjs } from 'dayjs';
export default dayjs;
