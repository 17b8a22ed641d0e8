interface Props<K extends string> {
  tabs: { key: K; title: string }[];
  active: K;
  onChange: (key: K) => void;
}

/** The home screen's tab header (the lists below are rendered by the page). */
export function TabBar<K extends string>({ tabs, active, onChange }: Props<K>) {
  return (
    <div className="axm-tabbar" role="tablist">
      {tabs.map((tab) => (
        <button key={tab.key} type="button" role="tab" aria-selected={tab.key === active} onClick={() => onChange(tab.key)} data-testid={`m-tab-${tab.key}`}>
          {tab.title}
        </button>
      ))}
    </div>
  );
}
