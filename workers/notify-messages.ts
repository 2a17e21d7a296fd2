import type { CaseEventRow, CaseRow } from '../store/index.ts';
import type { Notification, NotifyEvent } from './types.ts';

/** Names shown in notifications. */
export interface NotificationNames {
  /** Assignee display name or username. */
  assignee: string | null;
  /** Team lead username, for escalations. */
  lead: string | null;
}

const EVENT_OF_TYPE: Record<string, NotifyEvent> = {
  opened: 'case.opened',
  assign: 'case.assigned',
  reminder: 'case.reminder',
  escalation: 'case.escalated',
  breach: 'case.breached',
};

const HEADLINE: Record<NotifyEvent, string> = {
  'case.opened': '新工单',
  'case.assigned': '工单已分派',
  'case.reminder': 'SLA 提醒',
  'case.escalated': 'SLA 升级',
  'case.breached': 'SLA 已超时',
  'case.resolved': '工单已解决',
  'alert.raised': '告警',
};

/** The notification event of a case event, or null when it notifies nobody. */
export function notifyEventOf(
  e: Pick<CaseEventRow, 'type' | 'after'>,
  c: Pick<CaseRow, 'assigneeId'>,
): NotifyEvent | null {
  if (e.type === 'assign') return c.assigneeId === null ? null : 'case.assigned';
  if (e.type === 'status')
    return (e.after as { status?: string } | null)?.status === 'resolved' ? 'case.resolved' : null;
  return EVENT_OF_TYPE[e.type] ?? null;
}

/** Beijing time, which is what the team reads. */
function cst(d: Date): string {
  return `${new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')} (北京时间)`;
}

function remaining(c: CaseRow, now: Date): string {
  const min = Math.round((c.firstResponseDueAt.getTime() - now.getTime()) / 60_000);
  return min >= 0
    ? `剩余 ${Math.floor(min / 60)} 小时 ${min % 60} 分`
    : `已超时 ${Math.floor(-min / 60)} 小时 ${-min % 60} 分`;
}

/** Build the notification for one case event. */
export function caseNotification(
  event: NotifyEvent,
  c: CaseRow,
  e: CaseEventRow,
  names: NotificationNames,
): Notification {
  const now = new Date();
  const kind = (e.data as { kind?: string } | null)?.kind;
  const lines = [
    `品牌：${c.brand}　优先级：${c.priority}　状态：${c.status}`,
    `摘要：${c.title}`,
    `分类：${c.categories.join('、') || '未分类'}　地区：${c.region ?? '未知'}`,
    `首次回复截止：${cst(c.firstResponseDueAt)}（${remaining(c, now)}）`,
    `负责人：${names.assignee ?? '未分派'}${c.team ? `（${c.team}）` : '（共享队列）'}`,
  ];
  if (event === 'case.escalated') lines.push(`已升级至组长：${names.lead ?? '未配置组长'}`);
  if (event === 'case.reminder' && kind)
    lines.push(`提醒：已用去 ${kind.replace('reminder', '')}% 的回复时限`);
  return {
    event,
    key: `${event}-${e.dedupeKey ?? `e${e.id}`}`,
    title: `【${c.priority} ${HEADLINE[event]}】#${c.id} ${c.title.slice(0, 30)}`,
    lines,
    caseId: c.id,
    data: {
      caseId: c.id,
      eventId: e.id,
      eventType: e.type,
      status: c.status,
      priority: c.priority,
      brand: c.brand,
      team: c.team,
      assigneeId: c.assigneeId,
      assignee: names.assignee,
      lead: event === 'case.escalated' ? names.lead : undefined,
      firstResponseDueAt: c.firstResponseDueAt.toISOString(),
    },
  };
}
