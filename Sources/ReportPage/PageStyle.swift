/// The page's one style sheet, inline. System fonts only (nothing to fetch); A4 in print, with
/// sections kept whole on a page; colours that stay apart in greyscale print, and printed as
/// they are (`print-color-adjust`).
enum PageStyle {
    static let css = """
        :root { color-scheme: light; --ink: #1d2433; --muted: #5b6475; --line: #d5d9e0; --accent: #1f5f8b; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 800px; padding: 32px 40px 48px; color: var(--ink);
               font: 15px/1.5 "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif;
               -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        header { border-bottom: 3px solid var(--accent); margin-bottom: 24px; padding-bottom: 12px; }
        h1 { font-size: 28px; margin: 0 0 4px; }
        h2 { font-size: 19px; margin: 0 0 10px; color: var(--accent); }
        .subtitle { color: var(--muted); margin: 0; }
        section { margin: 0 0 30px; break-inside: avoid; page-break-inside: avoid; }
        .headline { display: flex; gap: 16px; margin: 8px 0 18px; }
        .headline div { flex: 1; border-top: 4px solid var(--accent); padding: 10px 4px 0; }
        .headline .number { display: block; font-size: 44px; font-weight: 700; line-height: 1.1; }
        .headline .caption { display: block; color: var(--muted); font-size: 14px; }
        .tiles { display: flex; gap: 12px; flex-wrap: wrap; margin: 0 0 14px; }
        .tiles div { border: 1px solid var(--line); border-radius: 4px; padding: 6px 12px; min-width: 120px; }
        .tiles strong { display: block; font-size: 22px; }
        .remark { font-style: italic; }
        .explanation p { margin: 0 0 10px; }
        svg.chart { display: block; max-width: 100%; height: auto; margin: 6px 0; }
        svg.chart text { font-size: 12px; fill: var(--ink); }
        svg.chart text.tick, svg.chart text.sub { fill: var(--muted); font-size: 11px; }
        svg.chart text.inside { fill: #fff; font-weight: 700; }
        svg.chart .grid { stroke: var(--line); stroke-width: 1; }
        svg.chart .axis { stroke: var(--muted); stroke-width: 1; }
        .legend { list-style: none; padding: 0; margin: 4px 0 0; display: flex; flex-wrap: wrap; gap: 4px 18px; font-size: 13px; }
        .swatch { display: inline-block; width: 12px; height: 12px; margin-right: 6px; vertical-align: -1px; border: 1px solid rgba(0,0,0,.25); }
        .s-aanmelding { fill: #1f5f8b; background: #1f5f8b; }
        .s-veilig { fill: #3d8b4f; background: #3d8b4f; }
        .s-tafel { fill: #d08c19; background: #d08c19; }
        .s-raad { fill: #a23b4b; background: #a23b4b; }
        .s-open { fill: #9aa3b2; background: #9aa3b2; }
        .s-geen { fill: #6aa66f; background: #6aa66f; }
        .s-ots { fill: #e07b39; background: #e07b39; }
        .s-uhp { fill: #7b2d6b; background: #7b2d6b; }
        .s-p50 { fill: #1f5f8b; background: #1f5f8b; }
        .s-p85 { fill: #8fb4d1; background: #8fb4d1; }
        .s-uren { fill: #4b6fa5; background: #4b6fa5; }
        table { border-collapse: collapse; width: 100%; font-size: 13px; }
        th, td { text-align: left; padding: 3px 6px; border-bottom: 1px solid var(--line); vertical-align: top; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        footer { border-top: 1px solid var(--line); padding-top: 10px; color: var(--muted); font-size: 13px; }
        footer dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0 0 8px; }
        footer dt { font-weight: 700; }
        footer dd { margin: 0; overflow-wrap: anywhere; }
        code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 12px; }
        @page { size: A4; margin: 16mm 14mm; }
        @media print { body { padding: 0; max-width: none; } h2 { break-after: avoid; } }
        """
}
