<?php
/**
 * Plugin Name: LTV Lab test: oEmbed from 127.0.0.1
 * Description: The embed test's LTV Lab runs on 127.0.0.1 at a port of its
 * own. WordPress refuses to fetch from a loopback address (wp_http_validate_url)
 * or from a port other than 80, 443 and 8080: for 127.0.0.1 only, let it,
 * as it fetches any public site.
 */

add_filter('http_request_host_is_external', function ($external, $host) {
	return $external || $host === '127.0.0.1';
}, 10, 2);

add_filter('http_allowed_safe_ports', function ($ports, $host, $url) {
	$port = parse_url($url, PHP_URL_PORT);
	if ($host === '127.0.0.1' && $port) {
		$ports[] = (int) $port;
	}
	return $ports;
}, 10, 3);
