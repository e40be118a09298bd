package badgerdb

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// The kinds of database otelcol-ems keeps; each directory holds one.
const (
	KindLocalStore    = "local_store"
	KindBadgerStorage = "badger_storage"
)

// kindFile names the file in which a database records its kind.
const kindFile = "otelcol-ems-kind"

// Resolve returns dir as an absolute path with every symbolic link of the
// part that exists resolved, so that two spellings of one directory (or a
// link to another store) compare equal.
func Resolve(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	rest := ""
	for p := abs; ; p = filepath.Dir(p) {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(real, rest), nil
		}
		if p == filepath.Dir(p) {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(p), rest)
	}
}

// Overlap describes how the resolved directories a and b collide: "is",
// "is inside" or "contains"; "" when they are apart.
func Overlap(a, b string) string {
	switch {
	case a == b:
		return "is"
	case strings.HasPrefix(a, b+string(filepath.Separator)):
		return "is inside"
	case strings.HasPrefix(b, a+string(filepath.Separator)):
		return "contains"
	}
	return ""
}

// kindOf returns the kind of the database in dir, "" when it holds none.
// Directories from before the kind file are told apart by the journal
// that only badger_storage keeps.
func kindOf(dir string) string {
	if b, err := os.ReadFile(filepath.Join(dir, kindFile)); err == nil {
		return strings.TrimSpace(string(b))
	}
	if _, err := os.Stat(filepath.Join(dir, "MANIFEST")); err != nil {
		return ""
	}
	if fi, err := os.Stat(filepath.Join(dir, "journal")); err == nil && fi.IsDir() {
		return KindBadgerStorage
	}
	return KindLocalStore
}

// nestedSearchDepth bounds how deep CheckDirectory looks for databases
// inside a directory.
const nestedSearchDepth = 3

var errFoundNested = errors.New("found")

// CheckDirectory checks, on disk, that dir can hold a database of kind: it
// is not inside another database's directory, holds no database of another
// kind, and holds no database in a subdirectory. It returns dir resolved.
func CheckDirectory(dir, kind string) (string, error) {
	resolved, err := Resolve(dir)
	if err != nil {
		return "", fmt.Errorf("%s: %w", dir, err)
	}
	for p := filepath.Dir(resolved); p != filepath.Dir(p); p = filepath.Dir(p) {
		if k := kindOf(p); k != "" {
			return "", fmt.Errorf("%s is inside the %s database at %s; give it a directory of its own", dir, k, p)
		}
	}
	if k := kindOf(resolved); k != "" && k != kind {
		return "", fmt.Errorf("%s holds a %s database (resolved: %s); a %s needs a directory of its own", dir, k, resolved, kind)
	}
	var nested string
	_ = filepath.WalkDir(resolved, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() || p == resolved {
			return nil
		}
		if strings.Count(strings.TrimPrefix(p, resolved), string(filepath.Separator)) > nestedSearchDepth {
			return filepath.SkipDir
		}
		if k := kindOf(p); k != "" {
			nested = fmt.Sprintf("the %s database at %s", k, p)
			return errFoundNested
		}
		return nil
	})
	if nested != "" {
		return "", fmt.Errorf("%s contains %s; give each database a directory of its own", dir, nested)
	}
	return resolved, nil
}

// claims are the directories the databases of this process hold.
var (
	claimsMu sync.Mutex
	claims   = map[string]string{} // resolved directory -> owner
)

// Claim records that owner opens a database in dir, refusing a directory
// that is, is inside or contains one another owner of this process holds
// (a local_store store and a badger_storage configured on one directory),
// and writes dir's kind file. The returned release ends the claim.
func Claim(dir, kind, owner string) (release func(), err error) {
	resolved, err := CheckDirectory(dir, kind)
	if err != nil {
		return nil, err
	}
	claimsMu.Lock()
	defer claimsMu.Unlock()
	for other, who := range claims {
		if rel := Overlap(resolved, other); rel != "" {
			return nil, fmt.Errorf("%s %s the directory of %s (%s); each database needs a directory of its own", dir, rel, who, other)
		}
	}
	if err := os.WriteFile(filepath.Join(resolved, kindFile), []byte(kind+"\n"), 0o600); err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	claims[resolved] = owner
	var once sync.Once
	return func() {
		once.Do(func() {
			claimsMu.Lock()
			delete(claims, resolved)
			claimsMu.Unlock()
		})
	}, nil
}

// validated remembers the directories that configurations of this process
// validated a moment ago, so that one `validate` of a whole collector
// configuration catches a local_store store and a badger_storage given one
// directory before anything starts. Only different kinds conflict here: a
// component of the same kind validated again is most likely the same one
// (a restart in-process, a reload); two of one kind on one directory are
// refused at start (Claim). Entries older than validateWindow are ignored.
var (
	validatedMu sync.Mutex
	validated   = map[string]validation{}
)

type validation struct {
	kind string
	name string
	at   time.Time
}

const validateWindow = 10 * time.Second

// CheckShared records that a configuration of kind, described by name,
// uses the resolved directory dir, and returns an error naming the other
// one when a configuration of another kind validated within the window
// uses, is inside or contains it.
func CheckShared(dir, kind, name string) error {
	validatedMu.Lock()
	defer validatedMu.Unlock()
	now := time.Now()
	for other, v := range validated {
		if now.Sub(v.at) > validateWindow {
			delete(validated, other)
			continue
		}
		if v.kind == kind {
			continue
		}
		if rel := Overlap(dir, other); rel != "" {
			return fmt.Errorf("%s %s the directory of %s (%s); each database needs a directory of its own", dir, rel, v.name, other)
		}
	}
	validated[dir] = validation{kind: kind, name: name, at: now}
	return nil
}
