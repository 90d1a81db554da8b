// Turns the core's opening-hours problems into field errors a form can show.
import { validateHoursExceptions, validateOpeningHours, type HoursException, type OpeningHours } from '../../core/hours/opening-hours.js';
import { AppError, type FieldError } from '../http/errors.js';

export function assertValidHours(openingHours: OpeningHours | undefined, exceptions: readonly HoursException[] | undefined): void {
  const details: FieldError[] = [];
  for (const p of openingHours ? validateOpeningHours(openingHours) : []) {
    details.push({ path: `openingHours.${p.index}`, message: p.code });
  }
  for (const p of exceptions ? validateHoursExceptions(exceptions) : []) {
    details.push({ path: `hoursExceptions.${p.index}`, message: p.code });
  }
  if (details.length) throw new AppError('invalid_hours', details);
}
