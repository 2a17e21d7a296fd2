/**
 * Architecture rules. Folders depend one way:
 *   core  <- store, nlp <- crawler <- workers <- api <- cli
 * crawler/, nlp/ and store/ never import api/ or workers/; nothing imports cli/.
 * Every import cycle fails the lint.
 */
const layer = (from, to, comment) => ({
  name: `no-${from}-to-${to}`,
  comment,
  severity: 'error',
  from: { path: `^${from}/` },
  to: { path: `^(${to})/` },
});
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Import cycles make start-up order and tests fragile.', from: {}, to: { circular: true } },
    layer('core', 'store|nlp|crawler|workers|api|cli|dashboards', 'core is the shared kernel and depends on nothing of ours.'),
    layer('store', 'nlp|crawler|workers|api|cli|dashboards', 'store holds schema and queries only.'),
    layer('nlp', 'store|crawler|workers|api|cli|dashboards', 'nlp is pure text analysis.'),
    layer('crawler', 'workers|api|cli|dashboards', 'crawler never reaches into the pipeline or the API.'),
    layer('workers', 'api|cli|dashboards', 'workers do not depend on the HTTP layer.'),
    layer('api', 'cli|dashboards', 'api is served by the CLI, not the other way round.'),
    layer('bench', 'cli', 'benchmarks call the modules directly.'),
    { name: 'no-deep-imports', severity: 'error', comment: 'Other folders use a folder only through its index.ts.',
      from: { path: '^(store|nlp|crawler|workers|api|cli|bench)/' },
      to: { path: '^(core|store|nlp|crawler|workers|api)/.+', pathNot: ['^$1/', '^(core|store|nlp|crawler|workers|api)/index\\.ts$'] } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
  },
};
