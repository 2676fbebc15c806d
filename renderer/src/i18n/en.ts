/**
 * English messages: the reference catalog. Every key here must exist in every other locale
 * (`zh-CN.ts` is typed against this object, and `catalog.test.ts` checks placeholders).
 * `{name}` marks a value filled in by `t()`.
 */
export const en = {
  'app.name': 'WSL Network Doctor',
  'app.tagline': 'Finds out why WSL 2 networking fails on this PC, and fixes it.',
  'app.loading': 'Starting…',
  'app.bridgeError.title': 'The app could not reach its background service',
  'app.bridgeError.body': 'Close the window and start WSL Network Doctor again. If this keeps happening, reinstall it.',
  'app.errorDetails': 'Technical details',

  'demo.badge': 'Demo',
  'demo.banner': 'Demo mode — this is a simulated PC: {title}. Nothing on this computer is read or changed.',
  'machine.thisPc': 'Diagnosing this PC',

  'language.label': 'Language',
  'language.en': 'English',
  'language.zh-CN': '简体中文',

  'steps.label': 'Progress',
  'step.welcome': 'Welcome',
  'step.scan': 'Scan',
  'step.findings': 'Findings',
  'step.fix': 'Fix',
  'step.verify': 'Verify',
  'step.report': 'Report',
  'step.current': 'current step',

  'nav.back': 'Back',
  'nav.next': 'Next',

  'welcome.title': 'Let’s find out what is wrong with WSL networking',
  'welcome.checks.title': 'What will be checked',
  'welcome.checks.windows': 'Your Windows version and edition, and whether it supports the networking mode you chose',
  'welcome.checks.wsl': 'The installed WSL version, your Linux distributions and your .wslconfig file',
  'welcome.checks.services': 'The Windows services and features WSL networking depends on',
  'welcome.checks.startup': 'What WSL itself says when it starts (only if you allow it)',
  'welcome.safety.title': 'Nothing changes without asking',
  'welcome.safety.readOnly': 'The scan only reads. It needs no administrator rights.',
  'welcome.safety.fixes': 'Every fix is shown to you first: what runs, whether it needs administrator rights or a restart, and how to undo it.',
  'welcome.consent.label': 'Allow the scan to start WSL to capture its startup messages',
  'welcome.consent.hint': 'This boots the WSL virtual machine if it is not running. Your running distributions are not stopped.',
  'welcome.paste.label': 'Paste the error you saw (optional)',
  'welcome.paste.hint': 'Copy what wsl printed, in any language. It helps name the cause even when the error does not happen during the scan.',
  'welcome.start': 'Start scan',

  'scan.title': 'Scanning this PC',
  'scan.titleDone': 'Scan finished',
  'scan.titleCancelled': 'Scan cancelled',
  'scan.elapsed': 'Elapsed: {seconds} s',
  'scan.cancel': 'Cancel scan',
  'scan.restart': 'Scan again',
  'scan.seeFindings': 'See findings',
  'scan.failed': 'The scan could not run.',
  'scan.status.queued': 'Waiting',
  'scan.status.running': 'Checking…',
  'scan.status.known': 'Done in {seconds} s',
  'scan.status.unknown': 'Unknown: {reason}',



  'findings.title': 'What we found',
  'findings.none': 'No problems found in what could be checked.',
  'findings.evidence': 'Evidence',
  'findings.wslSaid': 'What WSL said',
  'findings.unknowns': 'Not known yet — check next',
  'findings.fixes': 'Recommended fixes, lightest first',
  'findings.why': 'Why this happens',
  'findings.facts': 'What the scan read',
  'findings.findingId': 'Finding id: {id}',
  'findings.empty': 'Run a scan first to see what was found.',
  'findings.unknown': 'Unknown',
  'findings.windows': 'Windows',
  'findings.windows.value': 'Windows {generation}, version {version} ({release}, {edition})',
  'findings.wsl': 'WSL',
  'findings.wsl.store': 'WSL {version} (Microsoft Store)',
  'findings.wsl.inbox': 'Built-in WSL only (no Microsoft Store version)',
  'findings.wsl.absent': 'WSL is not installed',
  'findings.wsl.distros': '{count} distributions',
  'findings.wslconfig': '.wslconfig',
  'findings.wslconfig.present': '{path} ({bytes} bytes)',
  'findings.wslconfig.absent': 'No .wslconfig file: WSL uses its defaults',
  'findings.services': 'Services',
  'findings.services.value': '{present} of {total} present, {disabled} disabled',
  'findings.startup': 'WSL said on start',
  'findings.startup.silent': 'Nothing: WSL started without warnings',
  'findings.startup.mode': 'Networking mode in use: {mode}',
  'findings.startup.failed': 'WSL did not start (exit code {code})',

  'fix.title': 'Fixes',
  'fix.none': 'No fixes are available in this build. Nothing will be changed on this PC.',
  'verify.title': 'Verify',
  'verify.none': 'Nothing to verify: no fix was applied.',
  'report.title': 'Report',
  'report.intro': 'This is the snapshot of what the scan read. Helpdesks can open it to see the same facts.',
  'report.none': 'Run a scan first: the report is made from its results.',
} as const

export type MessageKey = keyof typeof en
export type Messages = { readonly [K in MessageKey]: string }
