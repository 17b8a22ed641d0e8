import type { ReactNode } from 'react';
import { Breadcrumb, Typography } from 'antd';
import type { BreadcrumbProps } from 'antd';

interface PageHeaderProps {
  title: ReactNode;
  subtitle?: ReactNode;
  extra?: ReactNode;
  breadcrumb?: BreadcrumbProps['items'];
  titleTestId?: string;
}

export function PageHeader({ title, subtitle, extra, breadcrumb, titleTestId }: PageHeaderProps) {
  return (
    <>
      {breadcrumb && <Breadcrumb items={breadcrumb} style={{ marginBottom: 8 }} />}
      <div className="ax-page-header">
        <div>
          <Typography.Title level={4} data-testid={titleTestId}>
            {title}
          </Typography.Title>
          {subtitle && (
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
              {subtitle}
            </Typography.Text>
          )}
        </div>
        {extra && <div>{extra}</div>}
      </div>
    </>
  );
}
