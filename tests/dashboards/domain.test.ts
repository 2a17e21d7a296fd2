import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS, PRIORITIES, ROLES, SOURCE_KINDS } from '../../core/index.ts';
import * as dash from '../../dashboards/src/api/types.ts';

describe('dashboard domain lists', () => {
  it('match the config schema (the SPA cannot import core/ without bundling zod)', () => {
    expect([...dash.CATEGORY_IDS]).toEqual([...CATEGORY_IDS]);
    expect([...dash.ROLES]).toEqual([...ROLES]);
    expect([...dash.SOURCE_KINDS]).toEqual([...SOURCE_KINDS]);
    expect([...dash.PRIORITIES]).toEqual([...PRIORITIES]);
  });
});
