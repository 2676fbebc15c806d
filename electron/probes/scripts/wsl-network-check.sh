# WSL Network Doctor: networking check, run INSIDE a WSL distro by wsl-network-check.ps1
# (wsl.exe -d DISTRO --exec sh -c THIS_TEXT wnd-net WINPORT LINPORT DNSNAME TCPADDR HTTPSHOST).
# Read-only: it reads /proc, /sys and /etc, resolves one name, opens a few TCP connections and one
# listener on 127.0.0.1 (never on the network), and writes nothing to disk.
# POSIX sh only (dash, busybox ash): no arrays, no [[ ]], no $'..', no local, no /dev/tcp.
# Output: one "key=value" line per item (format in docs/knowledge/wsl-network-check.md#output),
# parsed by shared/probes/network-check/parse-network-check.ts. ASCII only.
# WND_ROOT (tests only) points /etc, /proc and /sys at a fake root; it is empty inside WSL.

R="${WND_ROOT:-}"
WINPORT="$1"
LINPORT="$2"
DNSNAME="$3"
TCPADDR="$4"
HTTPSHOST="$5"

# Arguments arrive as argv (never spliced into code); still, refuse anything but the expected shapes.
case "$WINPORT$LINPORT" in *[!0-9]*|'') echo "wnd.error=bad-arguments"; exit 2 ;; esac
case "$DNSNAME$TCPADDR$HTTPSHOST" in *[!A-Za-z0-9.-]*|'') echo "wnd.error=bad-arguments"; exit 2 ;; esac

echo "wnd.format=1"

have() { command -v "$1" >/dev/null 2>&1; }

for tool in ip getent curl wget openssl nc python3 timeout ping readlink wslinfo; do
  if have "$tool"; then echo "tool=$tool present"; else echo "tool=$tool absent"; fi
done

# Runs "$@" with a time limit of $1 seconds when timeout(1) exists; say so when it does not.
if have timeout; then
  bounded() { secs="$1"; shift; timeout "$secs" "$@"; }
else
  echo "note=no-timeout-command"
  bounded() { shift; "$@"; }
fi

# Milliseconds since boot from /proc/uptime (hundredths): POSIX sh has no sub-second clock.
now_ms() {
  up=0
  if [ -r "$R/proc/uptime" ]; then
    IFS=' ' read -r up _rest < "$R/proc/uptime"
  fi
  whole="${up%%.*}"
  frac="${up#*.}"
  [ "$frac" = "$up" ] && frac=0
  frac="${frac%"${frac#??}"}"
  case "$frac" in ?) frac="${frac}0" ;; '') frac=00 ;; esac
  frac="${frac#0}"
  case "$whole" in ''|*[!0-9]*) whole=0 ;; esac
  case "$frac" in ''|*[!0-9]*) frac=0 ;; esac
  echo $(( whole * 1000 + frac * 10 ))
}

# Prints at most $2 lines of file $1 as "$3=<line>", each cut to 300 characters.
emit_lines() {
  n=0
  while IFS= read -r line || [ -n "$line" ]; do
    n=$((n + 1))
    if [ "$n" -gt "$2" ]; then echo "$3.truncated=1"; break; fi
    printf '%s=%s\n' "$3" "$(printf '%s' "$line" | tr -d '\r' | cut -c1-300)"
  done < "$1"
}

# --- Linux side of the Windows -> Linux localhost test: a listener on 127.0.0.1 only, started first
# so the probe can connect while the other checks run. Needs python3 (nc's listen flags differ
# between the OpenBSD, traditional and busybox variants).
LISTENER=""
if have python3; then
  python3 -c '
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
    s.listen(1)
except Exception as e:
    sys.stdout.write("lo.in.listen=fail %s\n" % type(e).__name__); sys.stdout.flush(); sys.exit(0)
sys.stdout.write("lo.in.listen=ok\n"); sys.stdout.flush()
s.settimeout(float(sys.argv[2]))
try:
    c, _ = s.accept(); c.close(); sys.stdout.write("lo.in=received\n")
except Exception:
    sys.stdout.write("lo.in=none\n")
sys.stdout.flush()
' "$LINPORT" 12 &
  LISTENER=$!
else
  echo "lo.in.listen=not-checked no-python3"
fi

# --- The networking mode WSL runs in, as its own wslinfo says (Store WSL ships it in the distro).
if have wslinfo; then
  echo "wsl.mode=$(bounded 5 wslinfo --networking-mode 2>/dev/null | head -n 1 | tr -cd 'a-z0-9')"
fi

# --- Interfaces: state and MTU from /sys, addresses from ip(8) when present.
for dev in "$R"/sys/class/net/*; do
  [ -e "$dev" ] || continue
  name="${dev##*/}"
  state=unknown
  mtu=-
  [ -r "$dev/operstate" ] && read -r state < "$dev/operstate"
  [ -r "$dev/mtu" ] && read -r mtu < "$dev/mtu"
  echo "iface=$name $state $mtu"
done
if have ip; then
  bounded 5 ip -o addr show 2>/dev/null | cut -c1-300 | while IFS= read -r line; do echo "addr=$line"; done
  bounded 5 ip route show default 2>/dev/null | cut -c1-300 | while IFS= read -r line; do echo "route.ip=$line"; done
else
  echo "addr.source=none ip-absent"
fi

# --- Default route from /proc/net/route (gateway in little-endian hex; parsed in TypeScript).
GATEWAY=""
if [ -r "$R/proc/net/route" ]; then
  emit_lines "$R/proc/net/route" 64 route
  hex=$(while read -r ifc dest gw _r; do
    if [ "$dest" = "00000000" ]; then echo "$gw"; break; fi
  done < "$R/proc/net/route")
  case "$hex" in
    [0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f])
      GATEWAY=$(echo "$hex" | sed 's/\(..\)\(..\)\(..\)\(..\)/0x\4 0x\3 0x\2 0x\1/' | { read -r a b c d; printf '%d.%d.%d.%d' "$a" "$b" "$c" "$d"; })
      ;;
  esac
else
  echo "route.absent=1"
fi
[ -n "$GATEWAY" ] && echo "host.gateway=$GATEWAY"

# --- /etc/resolv.conf: who writes it (symlink target, generated-by comment) and its nameservers.
if [ -L "$R/etc/resolv.conf" ]; then
  if have readlink; then echo "resolv.link=$(readlink "$R/etc/resolv.conf" | cut -c1-300)"; else echo "resolv.link=?"; fi
fi
if [ -r "$R/etc/resolv.conf" ]; then
  emit_lines "$R/etc/resolv.conf" 64 resolv
else
  echo "resolv.absent=1"
fi

# --- /etc/wsl.conf, bounded: at most 200 lines and its size.
if [ -r "$R/etc/wsl.conf" ]; then
  echo "wslconf.size=$(wc -c < "$R/etc/wsl.conf" | tr -d ' ')"
  emit_lines "$R/etc/wsl.conf" 200 wslconf
else
  echo "wslconf.absent=1"
fi

# --- TCP connect: prints "ok VIA", "fail VIA CODE" or "not-checked - REASON" for host $1 port $2.
tcp_connect() {
  if have python3; then
    if bounded 8 python3 -c 'import socket, sys
socket.create_connection((sys.argv[1], int(sys.argv[2])), 5).close()' "$1" "$2" >/dev/null 2>&1; then
      echo "ok python3"
    else
      echo "fail python3 $?"
    fi
  elif have curl; then
    # curl connects, then waits for an answer a bare listener never sends: exit 28 after a
    # connect still means connected, which time_connect (0 when it never connected) tells.
    t=$(bounded 8 curl -s -o /dev/null -m 4 -w '%{time_connect}' "telnet://$1:$2" </dev/null 2>/dev/null)
    code=$?
    case "$t" in ''|0|0.000000|0,000000) [ "$code" -eq 0 ] && echo "ok curl" || echo "fail curl $code" ;; *) echo "ok curl" ;; esac
  elif have nc; then
    if bounded 8 nc -z -w 5 "$1" "$2" >/dev/null 2>&1; then echo "ok nc"; else echo "fail nc $?"; fi
  else
    echo "not-checked - no-tcp-tool"
  fi
}

# --- DNS resolution of a public name, with timing.
start=$(now_ms)
if have getent; then
  out=$(bounded 10 getent hosts "$DNSNAME" 2>/dev/null)
  code=$?
  via=getent
elif have python3; then
  out=$(bounded 10 python3 -c 'import socket, sys
print(socket.getaddrinfo(sys.argv[1], 443)[0][4][0])' "$DNSNAME" 2>/dev/null)
  code=$?
  via=python3
else
  via=""
fi
end=$(now_ms)
if [ -z "$via" ]; then
  echo "dns=not-checked - no-resolver-tool"
elif [ "$code" -eq 0 ] && [ -n "$out" ]; then
  first=$(printf '%s\n' "$out" | head -n 1 | cut -d ' ' -f 1 | cut -c1-60)
  echo "dns=ok $((end - start)) $via $first"
else
  echo "dns=fail $((end - start)) $via $code"
fi

# --- TCP to a public address on 443 (an address, so DNS plays no part).
start=$(now_ms)
result=$(tcp_connect "$TCPADDR" 443)
end=$(now_ms)
set -- $result
echo "tcp443=$1 $((end - start)) ${2:-} ${3:-}"

# --- HTTPS to a public name, and the certificate issuer it presents (TLS interception).
start=$(now_ms)
if have curl; then
  codes=$(bounded 15 curl -sS -o /dev/null --connect-timeout 5 -m 12 -w '%{http_code}' "https://$HTTPSHOST/" </dev/null 2>/dev/null)
  code=$?
  end=$(now_ms)
  if [ "$code" -eq 0 ]; then echo "https=ok $((end - start)) curl $codes"; else echo "https=fail $((end - start)) curl $code"; fi
elif have wget; then
  bounded 15 wget -q -T 10 -O /dev/null "https://$HTTPSHOST/" </dev/null >/dev/null 2>&1
  code=$?
  end=$(now_ms)
  if [ "$code" -eq 0 ]; then echo "https=ok $((end - start)) wget"; else echo "https=fail $((end - start)) wget $code"; fi
else
  echo "https=not-checked - no-https-tool"
fi
if have openssl; then
  tls=$(bounded 12 openssl s_client -connect "$HTTPSHOST:443" -servername "$HTTPSHOST" </dev/null 2>/dev/null)
  issuer=$(printf '%s\n' "$tls" | openssl x509 -noout -issuer 2>/dev/null | head -n 1 | cut -c1-300)
  verify=$(printf '%s\n' "$tls" | sed -n 's/^ *Verify return code: //p' | head -n 1 | cut -c1-120)
  if [ -n "$issuer" ]; then echo "tls.issuer=${issuer#issuer=}"; else echo "tls.issuer.none=1"; fi
  [ -n "$verify" ] && echo "tls.verify=$verify"
elif have curl; then
  issuer=$(bounded 15 curl -sv -o /dev/null --connect-timeout 5 -m 12 "https://$HTTPSHOST/" </dev/null 2>&1 | sed -n 's/^\*  *issuer: *//p' | head -n 1 | cut -c1-300)
  if [ -n "$issuer" ]; then echo "tls.issuer=$issuer"; else echo "tls.issuer.none=1"; fi
else
  echo "tls=not-checked - no-openssl-or-curl"
fi

# --- The Windows host: the default gateway (NAT: the host's vEthernet address) answers ping?
if [ -z "$GATEWAY" ]; then
  echo "host.ping=not-checked - no-default-gateway"
elif have ping; then
  if bounded 5 ping -c 1 -W 2 "$GATEWAY" >/dev/null 2>&1; then echo "host.ping=ok"; else echo "host.ping=fail $?"; fi
else
  echo "host.ping=not-checked - no-ping"
fi

# --- Linux -> Windows localhost: the listener the probe opened on Windows' 127.0.0.1.
if [ "$WINPORT" = "0" ]; then
  echo "lo.out=not-checked - no-windows-listener"
else
  echo "lo.out=$(tcp_connect 127.0.0.1 "$WINPORT")"
fi

# --- Wait for the Linux listener (it ends by itself after its own time limit).
if [ -n "$LISTENER" ]; then
  wait "$LISTENER"
fi
echo "wnd.done=1"
