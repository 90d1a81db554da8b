import { describe, expect, it } from 'vitest';
import { describeChange, targetLabel } from './summarize';

describe('audit summary', () => {
  it('tells creations, removals, changes and plain details apart', () => {
    expect(describeChange('hall.created', null, { name: 'A' })).toEqual({ kind: 'created' });
    expect(describeChange('device.revoked', { name: 'A' }, null)).toEqual({ kind: 'removed' });
    expect(describeChange('hall.updated', { name: 'A', phone: '1' }, { name: 'B', phone: '1' })).toEqual({ kind: 'changed', fields: ['name'] });
    expect(describeChange('auth.login', null, { ip: '127.0.0.1' })).toEqual({ kind: 'details', text: 'ip=127.0.0.1' });
  });

  it('labels the target by name or number', () => {
    expect(targetLabel(null, { number: 3 })).toBe('3');
    expect(targetLabel({ username: 'li' }, null)).toBe('li');
    expect(targetLabel(null, null)).toBeNull();
  });
});
