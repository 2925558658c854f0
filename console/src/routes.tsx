import { createBrowserRouter } from 'react-router';
import { Shell } from './layout/shell';
import { RequireRole, RequireSession } from './session/guards';
import { SignInPage } from './session/sign-in-page';
import { DashboardPage } from './dashboard/dashboard-page';
import { NotFoundPage } from './layout/not-found-page';

/**
 * Every page of the console. The server answers these paths with the page (see consolePaths in
 * src/http/routes/console.routes.ts); keep the two lists in step. Pages other than the dashboard
 * load on first visit, so the first screen does not wait for the editor's schema validator or the
 * admin pages.
 */
export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    element: (
      <RequireSession>
        <Shell />
      </RequireSession>
    ),
    children: [
      { index: true, element: <DashboardPage /> },
      { path: 'manual-score', lazy: async () => ({ Component: (await import('./scoring/manual-score-page')).ManualScorePage }) },
      { path: 'decisions', lazy: async () => ({ Component: (await import('./scoring/decision-lookup-page')).DecisionLookupPage }) },
      { path: 'cases', lazy: async () => ({ Component: (await import('./cases/case-queue-page')).CaseQueuePage }) },
      { path: 'cases/:caseId', lazy: async () => ({ Component: (await import('./cases/case-page')).CasePage }) },
      { path: 'decisions/:requestId', lazy: async () => ({ Component: (await import('./scoring/decision-page')).DecisionPage }) },
      {
        path: 'admin',
        element: <RequireRole role="admin" />,
        children: [
          {
            lazy: async () => ({ Component: (await import('./admin/admin-section')).AdminSection }),
            children: [
              { index: true, lazy: async () => ({ Component: (await import('./admin/thresholds-page')).ThresholdsPage }) },
              { path: 'models', lazy: async () => ({ Component: (await import('./models/models-page')).ModelsPage }) },
              { path: 'data', lazy: async () => ({ Component: (await import('./datasets/data-page')).DataPage }) },
              { path: 'tokens', lazy: async () => ({ Component: (await import('./admin/tokens-page')).TokensPage }) },
              { path: 'rules', lazy: async () => ({ Component: (await import('./rules/rules-page')).RulesPage }) },
              { path: 'rules/new', lazy: async () => ({ Component: (await import('./rules/new-rule-page')).NewRulePage }) },
              { path: 'rules/:ruleId', lazy: async () => ({ Component: (await import('./rules/rule-page')).RulePage }) },
              { path: 'lists', lazy: async () => ({ Component: (await import('./lists/lists-page')).ListsPage }) },
              { path: 'lists/:listName', lazy: async () => ({ Component: (await import('./lists/list-page')).ListPage }) },
              { path: 'merchants', lazy: async () => ({ Component: (await import('./merchants/merchants-page')).MerchantsPage }) },
              { path: 'merchants/:merchantId', lazy: async () => ({ Component: (await import('./merchants/merchant-page')).MerchantPage }) },
              { path: 'jobs', lazy: async () => ({ Component: (await import('./jobs/jobs-page')).JobsPage }) },
              { path: 'audit', lazy: async () => ({ Component: (await import('./audit/audit-page')).AuditPage }) },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
