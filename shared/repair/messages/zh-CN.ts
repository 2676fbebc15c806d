import type { RepairMessages } from './en'

/** 修复目录的简体中文文本：步骤、不可用原因、可撤销性和副作用。 */
export const repairZhCN = {
  'step.restore-point': '创建系统还原点',
  'step.wslconfig-write': '备份并重写 {path}',
  'step.wsl-shutdown': '停止 WSL 及所有正在运行的发行版',
  'step.wsl-update': '将 WSL 更新到最新版本',
  'step.wsl-update-prerelease': '将 WSL 更新到最新预发布版本',
  'step.service-start-type': '将 {service} 服务设为“手动”启动',
  'step.remove-ipv6-disabled-components': '删除禁用 IPv6 的注册表值（保留旧值以便撤销）',
  'step.remove-hyperv-firewall-disable': '删除 HyperVFirewallDisable（保留旧值以便撤销）',
  'step.remove-port-tracker': '删除 PortTrackerEnabledMode（保留旧值以便撤销）',
  'step.delete-wsl-hns-network': '删除 WSL 的虚拟网络（WSL 会重新创建）',
  'step.enable-feature': '开启 Windows 功能 {feature}',
  'step.disable-feature': '关闭 Windows 功能 {feature}',
  'step.hypervisor-launch-auto': '让虚拟机监控程序随 Windows 启动',
  'step.vmware-cleanup': '备份并删除 VMware 残留的网络组件和桥接绑定',
  'step.winsock-reset': '重置 Winsock 目录',
  'step.wsl-export': '将 {distro} 备份为用户文件夹中的 .tar 文件',
  'step.wsl-set-version': '将 {distro} 转换为 WSL 1',
  'step.wsl-set-default-version': '将 WSL 1 设为新发行版的默认版本',

  'step.undo-restore-file': '将 {path} 恢复为修复前的状态',
  'step.undo-registry-value': '恢复注册表值 {value}',
  'step.undo-service-start': '将 {service} 服务恢复为 {startType}',
  'unavailable.noScan': '请先扫描这台电脑：修复方案根据扫描结果制定。',
  'unavailable.guidanceOnly': '这是需要手动完成的建议，应用不会自动执行。',
  'unavailable.configUnknown': '无法读取 .wslconfig 文件，因此无法安全地编辑它。',
  'unavailable.policyLocked': '网络模式由你所在组织的策略决定；编辑 .wslconfig 不会生效。',
  'unavailable.mirroredUnsupported': '此 Windows 版本无法使用镜像网络。',
  'unavailable.windows11Only': '需要 Windows 11 22H2 或更高版本。',
  'unavailable.manualEdit':
    '要做这项更改，应用就得改写 {path} 中与此更改无关的字节（例如记事本以 ANSI/GBK 保存的文字），因此应用不会写入该文件。请手动修改：用记事本打开该文件，写入下面这几行（[节] 标题只需一次，设置写在它下面），然后保存。',
  'unavailable.noAutomaticCorrection': '应用无法确定原意；请手动修正这些行。',
  'unavailable.windowsUnknown': '无法读取 Windows 版本。',
  'unavailable.notDisabled': '{service} 服务并未被禁用。',
  'unavailable.managedByOrganisation': '由你的单位管理：组策略让 {service} 服务保持禁用，改了也会被改回去。请联系你的 IT 部门。',
  'unavailable.nothingToChange': '这台电脑上没有需要更改的内容。',
  'unavailable.alreadyEnabled': '{feature} 已经开启。',
  'unavailable.vmpNotEnabled': '虚拟机平台未开启，无需关闭再开启。',
  'unavailable.wsl1ComponentMissing': 'WSL 1 需要“适用于 Linux 的 Windows 子系统”可选组件，但它未开启。',
  'unavailable.wsl1Policy': '你所在组织的策略禁用了 WSL 1。',
  'unavailable.noDistro': '没有安装任何 Linux 发行版。',

  'reversible.restartWsl': '无需撤销：下次打开 WSL 时它会重新启动。',
  'reversible.wslUpdate': '如需回退，请从 GitHub 安装较旧的 WSL 版本。',
  'reversible.hnsRecreated': '无需撤销：WSL 下次启动时会重新创建网络。',
  'reversible.reboot': '无需撤销。',
  'reversible.featureOff': '可在“启用或关闭 Windows 功能”中再次关闭该功能。',
  'reversible.featureToggle': '该功能最终会恢复原状。',
  'reversible.bcdedit': '以管理员身份运行“bcdedit /set hypervisorlaunchtype off”。',
  'reversible.vmwareReinstall': '重新安装 VMware，或导入修复时保存的注册表备份。',
  'reversible.wsl1': '使用“wsl --set-version <发行版> 2”转换回来；.tar 备份会保留在你的用户文件夹中。',

  'confirm.natLoses':
    'NAT 模式会失去镜像模式提供的功能（见微软的 WSL 网络文档）：Linux 通过 localhost（127.0.0.1）访问 Windows 上的程序、局域网中的其他设备直接连接 WSL、更好的 VPN 兼容性、IPv6 和多播。在 NAT 模式下，Windows 仍可通过 localhost 访问 Linux 中的服务，而 Linux 需要通过 NAT 网关地址访问 Windows。如果镜像模式本来就回退到了 NAT，那么你现在用的就是 NAT。',
  'confirm.mirroredGains':
    '镜像模式（Windows 11 22H2 及更高版本）让 Linux 可以通过 localhost（127.0.0.1）访问 Windows 上的程序，让局域网中的设备直接连接 WSL，并改善 VPN 兼容性，还支持 IPv6 和多播（见微软的 WSL 网络文档）。',
  'confirm.noNetwork': '在你把 networkingMode 改回来之前，Linux 完全没有网络：无法上网、没有 DNS，也没有 localhost 转发。',

  'guide.wslconfig-rename-file':
    '打开文件资源管理器，在地址栏输入 %UserProfile%，打开“查看” › “显示” › “文件扩展名”，然后把该文件重命名为 .wslconfig（点号前面没有文字，后面也没有 .txt）。然后重启 WSL。',
  'guide.windows-feature-update':
    '打开 Windows 更新，安装提供的功能更新（Windows 11 版本 23H2 或更高版本）。如果没有提供，你的电脑可能不满足 Windows 11 的要求，“电脑健康状况检查”会告诉你原因。',
  'guide.policy-contact-it':
    '把报告（“报告”步骤）发给你的 IT 部门：报告的证据中写明了决定这一点的策略（例如 HKLM\\SOFTWARE\\Policies\\WSL\\AllowNetworkingModeUserSetting，或让某个服务保持禁用的组策略），或者说明这台电脑已加入域，以及这台电脑上 WSL 需要的设置。',
  'guide.network-reset':
    '请先记下 Wi-Fi 密码、VPN 设置和静态 IP 地址。然后打开“设置” › “网络和 Internet” › “高级网络设置” › “网络重置”（Windows 10：“设置” › “网络和 Internet” › “状态” › “网络重置”），选择“立即重置”，并让 Windows 重启。',
  'guide.system-restore':
    '选择“开始”，输入“创建还原点”并打开它，然后选择“系统还原…”，选一个问题出现之前的还原点。本应用在修复前创建的还原点名为“WSL Network Doctor: before …”。你的文件会保留；该还原点之后安装的应用和驱动会被删除。',
  'guide.shrink-hosts-file':
    '以管理员身份打开记事本，打开 C:\\Windows\\System32\\drivers\\etc\\hosts，删除广告拦截工具添加的成批条目（请先保留一份副本），然后保存。',
  'guide.firewall-allow-local-rules':
    '打开“Windows 安全中心” › “防火墙和网络保护”，选择标有“活动”的网络，关闭“阻止所有传入连接，包括位于允许应用列表中的应用”。如果电脑由单位管理，请让 IT 部门允许到 SharedAccess 服务的 UDP 53 端口。',

  'affect.docker-desktop': 'Docker Desktop（WSL 2 后端）会停止',
  'affect.vscode-remote': '连接到 WSL 的 VS Code 远程会话会断开',
  'affect.hyperv-vms': 'Hyper-V 虚拟机可能需要重新连接交换机',
  'affect.windows-sandbox': 'Windows 沙盒和容器会停止',
  'affect.lsp-vpn-software': '挂接 Winsock 的代理、VPN 或“网络加速器”软件在重新安装前将无法工作',
  'affect.static-ip-dns': '静态 IP 地址和 DNS 服务器可能会丢失',
  'affect.vmware': 'VMware 的桥接网络需要修复或重新安装 VMware',
} as const satisfies RepairMessages
