import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { z } from 'zod';
import type { ExportResult, ledgerViewActions } from '@/domain/ledger-views.schema';
import { AppButton } from '@/components/app-button';
import { toastInfo } from '@/components/toast';
import { openDocument } from '@/lib/open-document';
import { useAction } from '@/lib/use-action';

type ExportInput = z.input<(typeof ledgerViewActions)['export']>;

/**
 * 导出 Excel: the function builds the same table as the screen and stores the file; a second tap opens it (H5: the
 * browser downloads it; weapp: WeChat's document viewer, whose menu forwards or saves it).
 */
export function ExportExcel({ payload }: { payload: ExportInput }) {
  const { run, busy } = useAction();
  const [file, setFile] = useState<ExportResult | null>(null);
  const open = (url: string) => openDocument(url, 'xlsx').catch((e: Error) => toastInfo(e.message || '打开失败，请稍后重试'));
  return (
    <View className="form-actions e2e-export-excel">
      <AppButton
        className="e2e-export-excel-run"
        type="primary"
        block
        loading={busy}
        onClick={async () => {
          setFile(null);
          const result = await run('ledger', 'export', payload, { done: '已生成 Excel 文件' });
          if (result) setFile(result);
        }}
      >
        导出 Excel
      </AppButton>
      {file && (
        <>
          <Text className="ledger-export__info">{`${file.fileName}，共 ${file.rows} 行`}</Text>
          <AppButton className="e2e-export-excel-open" block onClick={() => void open(file.url)}>
            打开 Excel 文件
          </AppButton>
        </>
      )}
    </View>
  );
}
