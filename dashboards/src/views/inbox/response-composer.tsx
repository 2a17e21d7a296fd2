import { type FormEvent, type RefObject, useState } from 'react';
import type { ResponseTemplate } from '../../api/types.ts';
import { useT } from '../../i18n-react.ts';

/** Where the response was given (the case service records it; posting it is done by hand). */
export const RESPONSE_CHANNELS = ['public_reply', 'private_message', 'phone'] as const;
type Channel = (typeof RESPONSE_CHANNELS)[number];

export interface ComposerProps {
  templates: ResponseTemplate[];
  disabled: boolean;
  busy: boolean;
  textRef: RefObject<HTMLTextAreaElement | null>;
  onSubmit(text: string, channel: string, templateId: string | undefined): Promise<boolean>;
}

/** Pick a template, edit it, record the response. */
export function ResponseComposer({ templates, disabled, busy, textRef, onSubmit }: ComposerProps) {
  const { t } = useT();
  const [text, setText] = useState('');
  const [templateId, setTemplateId] = useState<string>('');
  const [channel, setChannel] = useState<Channel>('public_reply');

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return;
    if (await onSubmit(text.trim(), channel, templateId || undefined)) {
      setText('');
      setTemplateId('');
    }
  }

  return (
    <form className="composer" onSubmit={submit} data-testid="composer">
      {/* Say why it is greyed out: a resolved or closed case takes a response only once reopened. */}
      {disabled && (
        <p className="muted" data-testid="composer-closed">
          {t('inbox.reopenToRespond')}
        </p>
      )}
      <label>
        {t('inbox.template')}
        <select
          name="template"
          value={templateId}
          disabled={disabled}
          onChange={(e) => {
            setTemplateId(e.target.value);
            const tpl = templates.find((x) => x.id === e.target.value);
            if (tpl) setText(tpl.text);
          }}
        >
          <option value="">{t('inbox.templatePick')}</option>
          {templates.map((tpl) => (
            <option key={tpl.id} value={tpl.id}>
              {tpl.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('inbox.responseText')}
        <textarea
          ref={textRef}
          name="response"
          value={text}
          disabled={disabled}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') e.currentTarget.blur();
          }}
        />
      </label>
      <label>
        {t('inbox.responseChannel')}
        <select
          name="channel"
          value={channel}
          disabled={disabled}
          onChange={(e) => setChannel(e.target.value as Channel)}
        >
          {RESPONSE_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`channel.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn btn-primary" disabled={disabled || busy || !text.trim()}>
        {t('inbox.recordResponse')}
      </button>
    </form>
  );
}
