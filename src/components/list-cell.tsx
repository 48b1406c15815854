import type { ReactNode } from 'react';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';

export interface ListCellProps {
  title: ReactNode;
  description?: ReactNode;
  extra?: ReactNode;
  onClick?: () => void;
  className?: string;
  id?: string;
}

/** One row of a list (NutUI Cell). */
export function ListCell({ title, description, extra, onClick, className, id }: ListCellProps) {
  return (
    <Cell
      id={id}
      className={className}
      title={title}
      description={description}
      extra={extra}
      clickable={!!onClick}
      // NutUI's Cell calls its onClick on every tap inside it (a Switch in `extra` included): an explicit undefined
      // would replace its default no-op and throw, so a row without an action passes none.
      {...(onClick ? { onClick: () => onClick() } : {})}
    />
  );
}

export function ListGroup({ title, children, className }: { title?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <CellGroup title={title} className={className}>
      {children}
    </CellGroup>
  );
}
