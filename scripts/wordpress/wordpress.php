<?php
// Drives the test's WordPress (wordpress.sh) from the command line, as
// Debian ships no wp-cli: WORDPRESS_CONFIG names its configuration.
//
//   php wordpress.php install HOST PORT
//       installs WordPress (Twenty Twenty-Three), an administrator "admin"
//       and an author "author"
//   php wordpress.php post < {"as": "admin"|"author", "title": ..., "content": ...}
//       publishes a post as that user, through the filters of their role
//       (an author's HTML goes through kses), and prints {"id", "url",
//       "content"}, the content as saved
//   php wordpress.php option NAME
//       prints an option's value as JSON

if (PHP_SAPI !== 'cli') {
	exit(1);
}
$command = $argv[1] ?? '';
// Debian's wp-config.php reads the host and the configuration's name.
$_SERVER['WORDPRESS_CONFIG'] = getenv('WORDPRESS_CONFIG');
$_SERVER['HTTP_HOST'] = $command === 'install' ? $argv[2] . ':' . $argv[3] : 'localhost';

if ($command === 'install') {
	define('WP_INSTALLING', true);
	// No mail to announce the new site.
	function wp_new_blog_notification() {
	}
}
require '/usr/share/wordpress/wp-load.php';

switch ($command) {
case 'install':
	require_once ABSPATH . 'wp-admin/includes/upgrade.php';
	$result = wp_install('LTV Lab embeds', 'admin', 'admin@example.test', false, '', wp_generate_password(24));
	if (is_wp_error($result)) {
		fwrite(STDERR, $result->get_error_message() . "\n");
		exit(1);
	}
	$author = wp_insert_user(array(
		'user_login' => 'author',
		'user_pass'  => wp_generate_password(24),
		'user_email' => 'author@example.test',
		'role'       => 'author',
	));
	if (is_wp_error($author)) {
		fwrite(STDERR, $author->get_error_message() . "\n");
		exit(1);
	}
	echo json_encode(array('theme' => get_stylesheet(), 'version' => get_bloginfo('version'))), "\n";
	break;

case 'post':
	$spec = json_decode(stream_get_contents(STDIN), true);
	$user = get_user_by('login', $spec['as']);
	if (!$user) {
		fwrite(STDERR, "no user {$spec['as']}\n");
		exit(1);
	}
	// Its role's filters: kses for a user without unfiltered_html.
	wp_set_current_user($user->ID);
	$id = wp_insert_post(wp_slash(array(
		'post_title'   => $spec['title'],
		'post_content' => $spec['content'],
		'post_status'  => 'publish',
		'post_author'  => $user->ID,
	)), true);
	if (is_wp_error($id)) {
		fwrite(STDERR, $id->get_error_message() . "\n");
		exit(1);
	}
	echo json_encode(array(
		'id'           => $id,
		'url'          => get_permalink($id),
		'content'      => get_post($id)->post_content,
		'unfiltered'   => current_user_can('unfiltered_html'),
	)), "\n";
	break;

case 'option':
	echo json_encode(get_option($argv[2])), "\n";
	break;

default:
	fwrite(STDERR, "usage: php wordpress.php install HOST PORT | post | option NAME\n");
	exit(2);
}
