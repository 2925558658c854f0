import { createBrowserRouter } from 'react-router';
import { Shell } from './layout/shell';
import { RequireRole, RequireSession } from './session/guards';
import { SignInPage } from './session/sign-in-page';
import { DashboardPage } from './dashboard/dashboard-page';
import { ManualScorePage } from './scoring/manual-score-page';
import { DecisionLookupPage } from './scoring/decision-lookup-page';
import { DecisionPage } from './scoring/decision-page';
import { ThresholdsPage } from './admin/thresholds-page';
import { NotFoundPage } from './layout/not-found-page';

/**
 * Every page of the console. The server answers these paths with the page (see consolePaths in
 * src/http/routes/console.routes.ts); keep the two lists in step.
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
      { path: 'manual-score', element: <ManualScorePage /> },
      { path: 'decisions', element: <DecisionLookupPage /> },
      { path: 'decisions/:requestId', element: <DecisionPage /> },
      {
        path: 'admin',
        element: <RequireRole role="admin" />,
        children: [{ index: true, element: <ThresholdsPage /> }],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
