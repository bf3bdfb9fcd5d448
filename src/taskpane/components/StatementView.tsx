import { Subtitle2, Text, mergeClasses } from '@fluentui/react-components';
import { currencyHeading, formatAmount, formatDayForPeople, type DocumentLine, type DocumentSection, type StatementDocument } from '../../core';
import { usePaneStyles } from './styles';

/**
 * A statement as core's StatementDocument decides it (the same one every door lays out): the
 * customer, then per currency the opening row, the lines, the balance, the overdue list and the
 * aging. Narrow by design: date, document, amount and running balance per line; the sheet and the
 * PDF carry every column.
 */
export function StatementView({ doc }: { doc: StatementDocument }) {
  const s = usePaneStyles();
  const L = doc.labels;
  const day = (d: number) => formatDayForPeople(d, doc.language);
  return (
    <article className={s.card} aria-label={`${doc.title} — ${doc.customer.name}`} lang={doc.language}>
      <div>
        <Subtitle2 as="h3" className={s.heading}>{doc.title}</Subtitle2>
        <Text as="p" block className={mergeClasses(s.muted, s.heading)}>{`${L.date} ${day(doc.asOf)}${doc.from !== undefined ? ` · ${day(doc.from)} – ${day(doc.asOf)}` : ''}`}</Text>
      </div>
      <div>
        <Text weight="semibold" block>{doc.customer.name || doc.customer.id}</Text>
        <Text block className={s.small}>{doc.customer.id}</Text>
        {doc.customer.addressLines.map((line, i) => <Text key={i} block className={s.small}>{line}</Text>)}
      </div>
      {doc.sections.map((section) => <SectionView key={section.currency} doc={doc} section={section} />)}
      <Text className={mergeClasses(s.small, s.muted)}>{doc.agingCaption}</Text>
    </article>
  );

  function SectionView({ section }: { doc: StatementDocument; section: DocumentSection }) {
    const money = (m: number) => formatAmount(m, section.currency, doc.language);
    const line = (l: DocumentLine, i: number) => (
      <tr key={i}>
        <td className={s.td}>{day(l.date)}</td>
        <td className={s.td}>{l.documentNo}<br /><span className={s.muted}>{l.typeLabel}</span></td>
        <td className={mergeClasses(s.td, s.num)}>{money(l.amount)}</td>
        <td className={mergeClasses(s.td, s.num)}>{money(l.balance)}</td>
      </tr>
    );
    return (
      <section aria-label={currencyHeading(doc.language, section.currency)}>
        <Text weight="semibold" block>{currencyHeading(doc.language, section.currency)}</Text>
        <table className={s.table}>
          <thead>
            <tr>
              <th className={s.th} scope="col">{L.date}</th>
              <th className={s.th} scope="col">{L.document}</th>
              <th className={mergeClasses(s.th, s.num)} scope="col">{L.amount}</th>
              <th className={mergeClasses(s.th, s.num)} scope="col">{L.balance}</th>
            </tr>
          </thead>
          <tbody>
            {section.opening !== undefined && (
              <tr>
                <td className={s.td}>{day(section.opening.date)}</td>
                <td className={s.td} colSpan={2}>{L.openingBalance}</td>
                <td className={mergeClasses(s.td, s.num)}>{money(section.opening.balance)}</td>
              </tr>
            )}
            {section.lines.map(line)}
            <tr className={s.total}>
              <td className={s.td} colSpan={3}>{doc.closingLabel}</td>
              <td className={mergeClasses(s.td, s.num)}>{money(section.closingBalance)}</td>
            </tr>
            <tr>
              <td className={s.td} colSpan={3}>{L.overdue}</td>
              <td className={mergeClasses(s.td, s.num)}>{money(section.overdue)}</td>
            </tr>
          </tbody>
        </table>
        {section.overdueLines.length > 0 && (
          <>
            <Text weight="semibold" block>{L.overdueItems}</Text>
            <table className={s.table}>
              <thead>
                <tr>
                  <th className={s.th} scope="col">{L.document}</th>
                  <th className={s.th} scope="col">{L.dueDate}</th>
                  <th className={mergeClasses(s.th, s.num)} scope="col">{L.daysOverdue}</th>
                  <th className={mergeClasses(s.th, s.num)} scope="col">{L.open}</th>
                </tr>
              </thead>
              <tbody>
                {section.overdueLines.map((l, i) => (
                  <tr key={i}>
                    <td className={s.td}>{l.documentNo}</td>
                    <td className={s.td}>{day(l.dueDate)}</td>
                    <td className={mergeClasses(s.td, s.num)}>{l.daysOverdue}</td>
                    <td className={mergeClasses(s.td, s.num)}>{money(l.open)}</td>
                  </tr>
                ))}
                <tr className={s.total}>
                  <td className={s.td} colSpan={3}>{L.total}</td>
                  <td className={mergeClasses(s.td, s.num)}>{money(section.overdue)}</td>
                </tr>
              </tbody>
            </table>
          </>
        )}
        <Text weight="semibold" block>{L.aging}</Text>
        <table className={s.table}>
          <tbody>
            {doc.agingLabels.map((label, i) => (
              <tr key={label}>
                <th className={s.td} scope="row" style={{ fontWeight: 'normal', textAlign: 'left' }}>{label}</th>
                <td className={mergeClasses(s.td, s.num)}>{money(section.aging[i] ?? 0)}</td>
              </tr>
            ))}
            <tr className={s.total}>
              <th className={s.td} scope="row" style={{ textAlign: 'left' }}>{L.total}</th>
              <td className={mergeClasses(s.td, s.num)}>{money(section.agingTotal)}</td>
            </tr>
          </tbody>
        </table>
      </section>
    );
  }
}
