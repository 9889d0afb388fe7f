// Runs: node (central platform) serving a page that runs in the admin's browser. The fleet
// dashboard: terminals and store hubs (with the terminals behind each) with last contact, backlog and model versions; feedback counts; model
// versions with staged rollout share and rollback; what the feedback retrains decided and why. The admin token is typed in and kept in
// sessionStorage (never in the URL, where logs would keep it); every call sends it as a Bearer.
import fs from 'node:fs';

// The page and its script are files beside this one (dashboard/), so they lint like the rest.
const read = (name: string) => fs.readFileSync(new URL(`./dashboard/${name}`, import.meta.url), 'utf8');

export const dashboardHtml = read('index.html');
export const dashboardJs = read('dashboard.js');
