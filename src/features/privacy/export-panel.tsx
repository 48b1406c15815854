import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { ExportView } from '@/domain/privacy.schema';
import { AppButton } from '@/components/app-button';
import { Section } from '@/components/section';
import { toastInfo } from '@/components/toast';
import { canOpenDocument, openDocument } from '@/lib/open-document';
import { useAction } from '@/lib/use-action';
import './privacy.scss';

/** 导出我的信息: the function writes the files; they open through their temporary addresses. */
export function ExportPanel() {
  const { run, busy } = useAction();
  const [files, setFiles] = useState<ExportView | null>(null);
  const open = (url: string, type: 'xlsx' | 'json') => openDocument(url, type).catch((e: Error) => toastInfo(e.message || '打开失败，请稍后重试'));
  return (
    <Section title="导出我的信息" className="e2e-export-panel">
      <Text className="privacy-text">导出的文件与本页内容完全一致：一份 Excel 表格便于阅读，一份 JSON 文件便于转交。每天可导出一次，文件保存 7 天。</Text>
      <View className="form-actions">
        <AppButton
          className="e2e-export-run"
          type="primary"
          block
          loading={busy}
          onClick={async () => {
            const result = await run('user', 'exportMyData', {}, { done: '已生成导出文件' });
            if (result) setFiles(result);
          }}
        >
          导出我的信息
        </AppButton>
      </View>
      {files && (
        <View className="form-actions e2e-export-files">
          <AppButton className="e2e-export-open-xlsx" block onClick={() => void open(files.readableUrl, 'xlsx')}>
            打开 Excel 表格
          </AppButton>
          {canOpenDocument('json') && (
            <AppButton className="e2e-export-open-json" block onClick={() => void open(files.jsonUrl, 'json')}>
              打开 JSON 文件
            </AppButton>
          )}
        </View>
      )}
    </Section>
  );
}
