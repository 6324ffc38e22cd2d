extension FailureCode {
    /// What a person should check next when this code is seen against a
    /// PrivateLink interface endpoint.
    public var hint: String {
        switch self {
        case .dnsNXDomain:
            return "The name does not exist for this resolver. Check that private DNS is enabled on the interface endpoint and that this VPC uses the VPC resolver (enableDnsSupport, enableDnsHostnames); right after enabling, wait for propagation and retry."
        case .dnsNoData:
            return "The name exists but has no A/AAAA record. Check the private hosted zone or the endpoint's private DNS name; a record of another type (CNAME to nowhere, TXT only) is not enough."
        case .dnsServFail:
            return "The resolver failed to answer. Check the resolver's health and its forwarding rules (Route 53 Resolver rules, on-premises forwarders)."
        case .dnsRefused:
            return "The resolver refused the query. Check that this host may use it (resolver ACLs, allow-query) or point --dns-server at the VPC resolver (169.254.169.253 or the VPC base +2)."
        case .dnsTimeout:
            return "No resolver answered in time. Check that the resolver address is right and reachable on UDP and TCP 53 (security groups, network ACLs, local firewall)."
        case .dnsUnexpectedAddresses:
            return "The answers are not the endpoint's network-interface addresses. Compare with the endpoint's ENIs (aws ec2 describe-vpc-endpoints); a missing address is usually a subnet/AZ not attached, an extra one a stale or overriding record."
        case .dnsPublicAddress:
            return "The name resolved to a public address, so traffic would leave the VPC. Enable private DNS on the interface endpoint, or associate the private hosted zone with this VPC."
        case .tcpRefused:
            return "The connection was reset: nothing accepts on this port. Check the NLB listener port and that its targets are registered and healthy."
        case .tcpTimeout:
            return "The TCP handshake got no answer. Check the endpoint's security group (inbound from this host on the port), network ACLs, and that the endpoint connection is accepted (not pendingAcceptance)."
        case .tcpUnreachable:
            return "There is no route to this address. Check the route tables of this subnet and that the address belongs to this VPC."
        case .tlsProtocol:
            return "The peer did not speak TLS, or shares no TLS version (1.2 minimum). Check that the listener is TLS (not TCP to a plain-HTTP target) and whether http:// was meant."
        case .tlsUntrusted:
            return "The certificate chain does not lead to a trusted anchor. Pass the issuing CA with --ca-file, or install the full chain (leaf and intermediates) on the listener."
        case .tlsNameMismatch:
            return "The certificate does not cover this host name. Use the name the certificate was issued for, or add this name to its subject alternative names."
        case .tlsExpired:
            return "The certificate has expired. Renew it on the listener; if it looks valid, check this host's clock."
        case .tlsNotYetValid:
            return "The certificate is not valid yet. Check this host's clock (NTP) or wait until its notBefore time."
        case .tlsHandshake:
            return "The TLS handshake failed. The TLS alert in the message names the reason: check the listener's security policy, ciphers and whether it requires a client certificate."
        case .tlsTimeout:
            return "The TLS handshake did not finish in time. Check the listener's target health and whether something between drops large packets (MTU)."
        case .httpTimeout:
            return "No complete HTTP response in time. Check the backend's health and response time, and the NLB idle timeout."
        case .httpMalformed:
            return "The response is not valid HTTP/1.1 or exceeds plprobe's limits. Check what actually listens behind the load balancer."
        case .httpStatus:
            return "The status code is not an accepted one. Check the backend's logs, or adjust --expect-status if this status is correct."
        case .httpBodyMismatch:
            return "The body lacks the expected text. Check that the request reached the intended service (path, virtual host), or adjust --expect-body."
        default:
            return "See the message for details."
        }
    }
}
