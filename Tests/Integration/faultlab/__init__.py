"""The fault lab: real servers (dnsmasq, nginx, apache2, haproxy, socat) on
loopback and in a network namespace, each producing one fault for real."""
