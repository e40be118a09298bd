package snmp

import (
	"bytes"
	"fmt"
	"os"

	"go.yaml.in/yaml/v3"
)

// Profile describes which objects to fetch from a device and how they become
// metrics. Built-in profiles are YAML files embedded in the binary; users
// load their own files in the same schema.
type Profile struct {
	// Name identifies the profile in target configuration.
	Name string `yaml:"name"`
	// Description says what the profile covers.
	Description string `yaml:"description"`
	// ResourceAttributes turns scalar objects into resource attributes.
	ResourceAttributes []ResourceAttribute `yaml:"resource_attributes"`
	// Scalars are single objects (OIDs ending in .0) that become metrics.
	Scalars []ScalarMetric `yaml:"scalars"`
	// Tables are conceptual tables whose rows become data points.
	Tables []Table `yaml:"tables"`
}

// ResourceAttribute maps a scalar object to a resource attribute.
type ResourceAttribute struct {
	// Name is the attribute key.
	Name string `yaml:"name"`
	// OID is the scalar object's instance OID.
	OID string `yaml:"oid"`
	// Enum maps raw values (as text) to attribute values.
	Enum map[string]string `yaml:"enum"`
}

// Metric says what a value becomes.
type Metric struct {
	// Name is the metric name.
	Name string `yaml:"name"`
	// Description is the metric description.
	Description string `yaml:"description"`
	// Unit is a UCUM unit.
	Unit string `yaml:"unit"`
	// Type is gauge or counter (a cumulative monotonic sum).
	Type string `yaml:"type"`
	// Scale multiplies the raw value (0 means 1).
	Scale float64 `yaml:"scale"`
	// Attributes are constant attributes of every data point.
	Attributes map[string]string `yaml:"attributes"`
	// ValueMap maps raw integer values (as text) to values; "default"
	// applies to others. Raw values without a mapping are dropped.
	ValueMap map[string]float64 `yaml:"value_map"`
}

// ScalarMetric is a metric from one scalar object.
type ScalarMetric struct {
	// OID is the object's instance OID (usually ending in .0).
	OID    string `yaml:"oid"`
	Metric `yaml:",inline"`
}

// Table is a conceptual table: columns walked together and grouped by index.
type Table struct {
	// Name identifies the table in errors.
	Name string `yaml:"name"`
	// Index says how the index part of each row's OIDs becomes attributes.
	Index []IndexPart `yaml:"index"`
	// Attributes are columns whose values label every data point of the row.
	Attributes []ColumnAttribute `yaml:"attributes"`
	// Metrics are columns whose values become data points.
	Metrics []ColumnMetric `yaml:"metrics"`
}

// IndexPart is one component of a table index.
type IndexPart struct {
	// Attribute is the attribute key; empty to leave the part out.
	Attribute string `yaml:"attribute"`
	// Type is int (one sub-identifier), ipv4 (four), string (length then
	// octets) or implied_string (the remaining octets).
	Type string `yaml:"type"`
	// Format string makes an int part a string attribute (as hw.id needs).
	Format string `yaml:"format"`
}

// ColumnAttribute labels data points with a column's value.
type ColumnAttribute struct {
	// Name is the attribute key.
	Name string `yaml:"name"`
	// OID is the column OID (without index). It may belong to another
	// table with the same index, or to one addressed by IndexFrom.
	OID string `yaml:"oid"`
	// IndexFrom, when set, is a column of this row whose integer value is
	// the index into OID's table (a lookup across tables).
	IndexFrom string `yaml:"index_from"`
	// Enum maps raw values (as text; OIDs with a leading dot) to names.
	Enum map[string]string `yaml:"enum"`
}

// ColumnMetric is a metric from a table column.
type ColumnMetric struct {
	// OID is the column OID (without index).
	OID string `yaml:"oid"`
	// Fallback is a column used for rows that lack OID (for example a
	// 32-bit counter behind a 64-bit one).
	Fallback string `yaml:"fallback"`
	// FallbackScale replaces Scale for values taken from Fallback.
	FallbackScale float64 `yaml:"fallback_scale"`
	// MultiplyBy is a column of the same row that the value is
	// multiplied by (for example hrStorageAllocationUnits).
	MultiplyBy string `yaml:"multiply_by"`
	// Power10 multiplies the value by 10^(factor*column+offset) (for
	// example entPhySensorScale).
	Power10 *Power10 `yaml:"power10"`
	// Precision is a column whose value is the number of decimal places
	// in the raw value (for example entPhySensorPrecision).
	Precision string `yaml:"precision"`
	// When keeps only rows where a column has one of the given values.
	When   *Condition `yaml:"when"`
	Metric `yaml:",inline"`
}

// Power10 scales by a power of ten taken from a column.
type Power10 struct {
	// Column holds the exponent input.
	Column string `yaml:"column"`
	// Factor multiplies the column value.
	Factor int `yaml:"factor"`
	// Offset is added after Factor.
	Offset int `yaml:"offset"`
}

// Condition selects rows by a column's integer value.
type Condition struct {
	// Column is the column OID.
	Column string `yaml:"column"`
	// Values are the accepted values.
	Values []int64 `yaml:"values"`
}

// ParseProfile decodes one profile from YAML and validates it. Unknown keys
// are errors, so a typo does not silently drop a metric.
func ParseProfile(data []byte) (*Profile, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var p Profile
	if err := dec.Decode(&p); err != nil {
		return nil, err
	}
	if _, err := compile([]*Profile{&p}); err != nil {
		return nil, fmt.Errorf("profile %q: %w", p.Name, err)
	}
	return &p, nil
}

// LoadProfileFile reads and validates a profile file.
func LoadProfileFile(path string) (*Profile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	p, err := ParseProfile(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return p, nil
}
