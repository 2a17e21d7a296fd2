import { createContext, useContext, useState } from 'react';
import { type ConfigSection, config, type EffectiveConfig } from '../../api/endpoints.ts';
import type { ApiState } from '../../hooks/use-api.ts';

/** The effective configuration, loaded once for the settings page. */
export const ConfigContext = createContext<ApiState<EffectiveConfig> | null>(null);

export function useConfigState(): ApiState<EffectiveConfig> {
  const c = useContext(ConfigContext);
  if (!c) throw new Error('useConfigState outside ConfigContext');
  return c;
}

/** The routing teams (id and name): cases reach a user or a team's channel only through these. */
export function useRoutingTeams(): { id: string; name?: string }[] {
  const routing = useConfigState().data?.routing as { teams?: { id: string; name?: string }[] } | undefined;
  return routing?.teams ?? [];
}

/** Save one section (`PUT /config/<section>`); the answer is the new effective configuration. */
export function useSaveSection(section: ConfigSection) {
  const state = useConfigState();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState(false);
  async function save(body: unknown): Promise<boolean> {
    setSaving(true);
    setError(undefined);
    setSaved(false);
    try {
      const next = await config.put(section, body);
      state.setData(() => next);
      setSaved(true);
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setSaving(false);
    }
  }
  return { save, saving, saved, error };
}
