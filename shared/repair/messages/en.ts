/** English texts of the repair catalog: steps, why a fix is unavailable, reversibility, side effects. */
export const repairEn = {
  'step.restore-point': 'Create a System Restore point',
  'step.wslconfig-write': 'Back up and rewrite {path}',
  'step.wsl-shutdown': 'Stop WSL and all running distributions',
  'step.wsl-update': 'Update WSL to the latest release',
  'step.wsl-update-prerelease': 'Update WSL to the latest pre-release',
  'step.service-start-type': 'Set the {service} service to Manual start',
  'step.remove-ipv6-disabled-components': 'Delete the registry value that disables IPv6 (the old value is kept for undo)',
  'step.remove-hyperv-firewall-disable': 'Delete HyperVFirewallDisable (the old value is kept for undo)',
  'step.remove-port-tracker': 'Delete PortTrackerEnabledMode (the old value is kept for undo)',
  'step.delete-wsl-hns-network': "Delete WSL's virtual network (WSL recreates it)",
  'step.enable-feature': 'Turn on the Windows feature {feature}',
  'step.disable-feature': 'Turn off the Windows feature {feature}',
  'step.hypervisor-launch-auto': 'Set the hypervisor to start with Windows',
  'step.vmware-cleanup': "Back up and remove VMware's leftover network component and bridge binding",
  'step.winsock-reset': 'Reset the Winsock catalog',
  'step.wsl-export': 'Back up {distro} to a .tar file in your profile folder',
  'step.wsl-set-version': 'Convert {distro} to WSL 1',
  'step.wsl-set-default-version': 'Make WSL 1 the default for new distributions',

  'step.undo-restore-file': 'Put {path} back as it was before the fix',
  'step.undo-registry-value': 'Put the registry value {value} back',
  'step.undo-service-start': 'Set the {service} service back to {startType}',
  'unavailable.noScan': 'Scan this PC first: fixes are planned from what the scan found.',
  'unavailable.guidanceOnly': 'This is advice to follow by hand; the app does not apply it.',
  'unavailable.configUnknown': 'The .wslconfig file could not be read, so it cannot be edited safely.',
  'unavailable.policyLocked': "Your organisation's policy decides the networking mode; editing .wslconfig would have no effect.",
  'unavailable.mirroredUnsupported': 'This Windows version cannot run mirrored networking.',
  'unavailable.windows11Only': 'This needs Windows 11 22H2 or later.',
  'unavailable.manualEdit':
    'The app would have to rewrite bytes of {path} that this change does not touch (for example text saved as ANSI/GBK by Notepad), so it does not write the file. Make the change by hand: open the file in Notepad and put exactly these lines in it (the [section] header once, the setting below it), then save.',
  'unavailable.noAutomaticCorrection': 'The app cannot tell for sure what was meant; correct these lines by hand.',
  'unavailable.windowsUnknown': 'The Windows version could not be read.',
  'unavailable.notDisabled': 'The {service} service is not disabled.',
  'unavailable.managedByOrganisation':
    'Managed by your organisation: a Group Policy keeps the {service} service disabled and would set it back. Ask your IT department.',
  'unavailable.nothingToChange': 'There is nothing to change on this PC.',
  'unavailable.alreadyEnabled': '{feature} is already turned on.',
  'unavailable.vmpNotEnabled': 'The Virtual Machine Platform is not turned on, so there is nothing to toggle.',
  'unavailable.wsl1ComponentMissing': 'WSL 1 needs the "Windows Subsystem for Linux" optional component, which is not turned on.',
  'unavailable.wsl1Policy': "WSL 1 is disabled by your organisation's policy.",
  'unavailable.noDistro': 'No Linux distribution is installed.',

  'reversible.restartWsl': 'Nothing to undo: WSL starts again the next time you open it.',
  'reversible.wslUpdate': 'To go back, install an older WSL release from GitHub.',
  'reversible.hnsRecreated': 'Nothing to undo: WSL recreates its network at the next start.',
  'reversible.reboot': 'Nothing to undo.',
  'reversible.featureOff': 'Turn the feature off again in "Turn Windows features on or off".',
  'reversible.featureToggle': 'The feature ends up as it was.',
  'reversible.bcdedit': 'Run "bcdedit /set hypervisorlaunchtype off" as administrator.',
  'reversible.vmwareReinstall': 'Reinstall VMware, or import the registry backup the fix saved.',
  'reversible.wsl1': 'Convert back with "wsl --set-version <distro> 2"; the .tar backup stays in your profile folder.',

  'confirm.natLoses':
    "NAT mode gives up what mirrored mode offers (Microsoft's WSL networking guide): Linux reaching programs on Windows at localhost (127.0.0.1), devices on your local network (LAN) connecting to WSL directly, better VPN compatibility, IPv6 and multicast. In NAT mode Windows still reaches servers in Linux at localhost, and Linux reaches Windows at the NAT gateway address instead. Where mirrored mode already falls back to NAT, this is what you have today.",
  'confirm.mirroredGains':
    "Mirrored mode (Windows 11 22H2 and later) lets Linux reach programs on Windows at localhost (127.0.0.1), lets devices on your local network (LAN) connect to WSL directly, and improves VPN compatibility, with IPv6 and multicast (Microsoft's WSL networking guide).",
  'confirm.noNetwork': 'Until you set networkingMode back, Linux has no network at all: no internet, no DNS, no localhost forwarding.',

  'guide.wslconfig-rename-file':
    'Open File Explorer, type %UserProfile% in the address bar, turn on View › Show › File name extensions, and rename the file to .wslconfig (nothing before the dot, no .txt after it). Then restart WSL.',
  'guide.windows-feature-update':
    'Open Windows Update and install the offered feature update (Windows 11, version 23H2 or later). If none is offered, your PC may not meet the Windows 11 requirements; PC Health Check tells you why.',
  'guide.policy-contact-it':
    'Send the report (Report step) to your IT department: its evidence names the policy that decides this (for example HKLM\\SOFTWARE\\Policies\\WSL\\AllowNetworkingModeUserSetting, or the Group Policy that keeps a service disabled), or says that the PC is joined to a domain, and it says what WSL needs on this PC.',
  'guide.network-reset':
    'Write down your Wi-Fi passwords, VPN settings and any static IP addresses first. Then open Settings › Network & internet › Advanced network settings › Network reset (on Windows 10: Settings › Network & Internet › Status › Network reset), select Reset now, and let Windows restart.',
  'guide.system-restore':
    'Select Start, type "Create a restore point" and open it, then select System Restore… and choose a point from before the problem started. A point this app made before a fix is named "WSL Network Doctor: before …". Your files are kept; apps and drivers installed after that point are removed.',
  'guide.shrink-hosts-file':
    'Open Notepad as administrator, open C:\\Windows\\System32\\drivers\\etc\\hosts, delete the blocks of entries an ad blocker added (keep a copy first), and save.',
  'guide.firewall-allow-local-rules':
    'Open Windows Security › Firewall & network protection, select the network marked "active", and turn off "Blocks all incoming connections, including those in the list of allowed apps". On a managed PC, ask IT to allow UDP port 53 to the SharedAccess service instead.',

  'affect.docker-desktop': 'Docker Desktop (WSL 2 backend) stops',
  'affect.vscode-remote': 'VS Code remote sessions into WSL disconnect',
  'affect.hyperv-vms': 'Hyper-V virtual machines may need their switches reconnected',
  'affect.windows-sandbox': 'Windows Sandbox and containers stop',
  'affect.lsp-vpn-software': 'Proxy, VPN or "network accelerator" software that hooks Winsock stops working until reinstalled',
  'affect.static-ip-dns': 'Static IP addresses and DNS servers may be lost',
  'affect.vmware': "VMware's bridged networking needs VMware to be repaired or reinstalled",
} as const

export type RepairMessageKey = keyof typeof repairEn
export type RepairMessages = { readonly [K in RepairMessageKey]: string }
