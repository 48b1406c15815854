import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Empty, Loading } from '@nutui/nutui-react-taro';
import type { AsyncState } from '@/lib/use-async';
import { AppButton } from './app-button';
import './state-views.scss';

export function LoadingState({ text = '加载中…' }: { text?: string }) {
  return (
    <View className="state-view e2e-loading">
      <Loading type="circular">{text}</Loading>
    </View>
  );
}

/** A local glyph instead of NutUI's default picture (that one is fetched from a remote CDN). */
function Glyph({ kind }: { kind: 'error' | 'empty' }) {
  return <View className={`state-glyph state-glyph--${kind}`}>{kind === 'error' ? '!' : '…'}</View>;
}

export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <View className="state-view e2e-error-state">
      <Empty image={<Glyph kind="error" />} imageSize={64} title="加载失败" description={<Text className="e2e-error-message">{message}</Text>} />
      {onRetry && (
        <AppButton className="e2e-retry" type="primary" size="small" onClick={onRetry}>
          重试
        </AppButton>
      )}
    </View>
  );
}

export function EmptyState({ title, description, action }: { title: string; description?: string; action?: ReactNode }) {
  return (
    <View className="state-view e2e-empty-state">
      <Empty image={<Glyph kind="empty" />} imageSize={64} title={title} description={description} />
      {action}
    </View>
  );
}

/** A failed refresh while earlier data is on screen: keep the data, say what went wrong. */
export function ErrorBanner({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <View className="error-banner e2e-error-banner">
      <Text className="error-banner__text">{message}</Text>
      <AppButton className="e2e-retry" size="mini" type="primary" fill="outline" onClick={onRetry}>
        重试
      </AppButton>
    </View>
  );
}

export interface AsyncViewProps<T> {
  state: AsyncState<T>;
  onRetry: () => void;
  /** Shown when the data is there but has nothing in it. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

/** Loading, error (with 重试), empty and content, the same way on every screen. */
export function AsyncView<T>({ state, onRetry, isEmpty, empty, children }: AsyncViewProps<T>) {
  if (state.data === undefined) {
    if (state.status === 'error') return <ErrorState message={state.error?.message ?? '加载失败'} onRetry={onRetry} />;
    return <LoadingState />;
  }
  const data = state.data;
  return (
    <>
      {state.status === 'error' && <ErrorBanner message={state.error?.message ?? '刷新失败'} onRetry={onRetry} />}
      {isEmpty?.(data) ? (empty ?? <EmptyState title="暂无内容" />) : children(data)}
    </>
  );
}
