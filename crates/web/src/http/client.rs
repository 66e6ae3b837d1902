//! Who is on the other end: the client's address, for per-address limits.
//! Behind a reverse proxy every request comes from the proxy; the operator
//! names the proxies it trusts (`accord serve --trusted-proxy CIDR`), and
//! only for a request from one of them is `X-Forwarded-For` believed — read
//! from the right, the first address that is not itself a trusted proxy.

use crate::SharedState;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::HeaderMap;
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::str::FromStr;

/// A network: an address and a prefix length (`10.0.0.0/8`, `::1/128`; a
/// bare address is one host).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    network: IpAddr,
    prefix: u8,
}

impl FromStr for Cidr {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let s = s.trim();
        let (address, prefix) = match s.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (s, None),
        };
        let network: IpAddr = address
            .parse()
            .map_err(|_| format!("'{s}' is not an address or a network (e.g. 10.0.0.0/8)"))?;
        let max = if network.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            None => max,
            Some(p) => p
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= max)
                .ok_or_else(|| format!("'{s}': the prefix length must be 0 to {max}"))?,
        };
        // A v4-mapped network (::ffff:10.0.0.0/104) is the IPv4 one.
        let (network, prefix) = match network {
            IpAddr::V6(v6) if prefix >= 96 => v6
                .to_ipv4_mapped()
                .map_or((network, prefix), |v4| (IpAddr::V4(v4), prefix - 96)),
            _ => (network, prefix),
        };
        Ok(Cidr { network, prefix })
    }
}

impl Cidr {
    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = match ip {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
            v4 => v4,
        };
        let (net, ip, bits) = match (self.network, ip) {
            (IpAddr::V4(n), IpAddr::V4(i)) => {
                (u128::from(u32::from(n)), u128::from(u32::from(i)), 32)
            }
            (IpAddr::V6(n), IpAddr::V6(i)) => (u128::from(n), u128::from(i), 128),
            _ => return false,
        };
        let shift = bits - u32::from(self.prefix);
        if shift >= 128 {
            return true;
        }
        (net >> shift) == (ip >> shift)
    }
}

/// The client's address as the limits see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientAddress(pub String);

/// The client's address: the socket's peer, or — when the peer is a trusted
/// proxy — read `X-Forwarded-For` from the right, hop by hop, while the
/// address reached is a trusted proxy (each proxy appends who it heard
/// from; the client can forge only what is to the left). An entry that is
/// not an address stops the walk at the last address believed. An IPv6
/// client is its /64 (one subscriber's network), so a host cannot take
/// fresh addresses to escape a limit. `unknown` where there is no socket
/// (in-process tests).
pub fn client_address(peer: Option<IpAddr>, headers: &HeaderMap, trusted: &[Cidr]) -> String {
    let Some(peer) = peer else {
        return "unknown".into();
    };
    let is_trusted = |ip: IpAddr| trusted.iter().any(|c| c.contains(ip));
    let hops: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    let mut client = peer;
    for hop in hops.iter().rev() {
        if !is_trusted(client) {
            break;
        }
        match hop.parse::<IpAddr>() {
            Ok(ip) => client = ip,
            Err(_) => break,
        }
    }
    key_of(client)
}

/// The key limits count by: an IPv4 address, or an IPv6 address's /64.
fn key_of(ip: IpAddr) -> String {
    match ip {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let network = u128::from(v6) & !((1u128 << 64) - 1);
                format!("{}/64", std::net::Ipv6Addr::from(network))
            }
        },
        v4 @ IpAddr::V4(_) => v4.to_string(),
    }
}

impl FromRequestParts<SharedState> for ClientAddress {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, s: &SharedState) -> Result<Self, Infallible> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip());
        Ok(ClientAddress(client_address(
            peer,
            &parts.headers,
            &s.trusted_proxies,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn networks_parse_and_contain() {
        let net: Cidr = "10.0.0.0/8".parse().unwrap();
        assert!(net.contains(ip("10.1.2.3")));
        assert!(!net.contains(ip("11.0.0.1")));
        assert!(net.contains(ip("::ffff:10.9.9.9")), "v4-mapped v6");
        let host: Cidr = "127.0.0.1".parse().unwrap();
        assert!(host.contains(ip("127.0.0.1")) && !host.contains(ip("127.0.0.2")));
        let all: Cidr = "::/0".parse().unwrap();
        assert!(all.contains(ip("2001:db8::1")) && !all.contains(ip("1.2.3.4")));
        let v6: Cidr = "2001:db8::/32".parse().unwrap();
        assert!(v6.contains(ip("2001:db8:ffff::1")) && !v6.contains(ip("2001:db9::1")));
    }

    #[test]
    fn hostile_networks_are_refused() {
        for bad in [
            "",
            "/",
            "10.0.0.0/33",
            "::/129",
            "10.0.0.0/-1",
            "10.0.0/8",
            "x/8",
            "10.0.0.0/8/8",
            "10.0.0.0/ 8a",
            "1.2.3.4\0/8",
        ] {
            assert!(bad.parse::<Cidr>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn forwarded_for_is_believed_only_from_trusted_proxies() {
        let trusted: Vec<Cidr> = vec!["10.0.0.0/8".parse().unwrap()];
        let mut h = HeaderMap::new();
        h.insert(
            "x-forwarded-for",
            HeaderValue::from_static("203.0.113.9, 198.51.100.7, 10.0.0.2"),
        );
        // From a stranger: the header is ignored.
        assert_eq!(
            client_address(Some(ip("192.0.2.1")), &h, &trusted),
            "192.0.2.1"
        );
        // From the proxy: the last address that is not a trusted proxy (the
        // client can forge what is to its left, never what the proxy added).
        assert_eq!(
            client_address(Some(ip("10.0.0.1")), &h, &trusted),
            "198.51.100.7"
        );
        // Garbage in the header: the proxy's own address, nothing forged.
        let mut g = HeaderMap::new();
        g.insert(
            "x-forwarded-for",
            HeaderValue::from_static("1.2.3.4, not-an-ip"),
        );
        assert_eq!(
            client_address(Some(ip("10.0.0.1")), &g, &trusted),
            "10.0.0.1"
        );
        // No header from the proxy: the proxy itself.
        assert_eq!(
            client_address(Some(ip("10.0.0.1")), &HeaderMap::new(), &trusted),
            "10.0.0.1"
        );
        // Every hop trusted: the first.
        let mut t = HeaderMap::new();
        t.insert(
            "x-forwarded-for",
            HeaderValue::from_static("10.0.0.5, 10.0.0.6"),
        );
        assert_eq!(
            client_address(Some(ip("10.0.0.1")), &t, &trusted),
            "10.0.0.5"
        );
        // Nothing trusted: the socket, whatever the header says.
        assert_eq!(client_address(Some(ip("10.0.0.1")), &h, &[]), "10.0.0.1");
        assert_eq!(client_address(None, &h, &trusted), "unknown");
    }

    #[test]
    fn an_ipv6_client_is_its_64() {
        let a = client_address(Some(ip("2001:db8:1:2:aaaa::1")), &HeaderMap::new(), &[]);
        let b = client_address(Some(ip("2001:db8:1:2:bbbb::9")), &HeaderMap::new(), &[]);
        let c = client_address(Some(ip("2001:db8:1:3::1")), &HeaderMap::new(), &[]);
        assert_eq!(a, "2001:db8:1:2::/64");
        assert_eq!(a, b, "one /64, one client");
        assert_ne!(a, c);
        assert_eq!(
            client_address(Some(ip("::ffff:192.0.2.1")), &HeaderMap::new(), &[]),
            "192.0.2.1"
        );
        // A v4-mapped network trusts the IPv4 addresses it maps.
        let mapped: Cidr = "::ffff:10.0.0.0/104".parse().unwrap();
        assert!(mapped.contains(ip("10.1.2.3")));
    }
}
