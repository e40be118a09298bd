// Package dbms reads monitoring data from PostgreSQL and MySQL/MariaDB
// servers through pooled connections and returns it as plain structs: the
// engine behind the dbms receiver, free of collector types.
package dbms
