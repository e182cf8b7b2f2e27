// Command compose-check statically checks a Compose file with compose-go, the
// loader Docker Compose itself uses (schema validation, interpolation,
// normalisation, consistency checks), then checks this project's own rules.
// It needs no Docker engine and never reads the build context.
//
// Usage: scripts/check-compose.sh (from the repo root), or
// cd tools/compose-check && go run . ../../docker-compose.yml
package main

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/types"
)

// testEnv is the only environment used for interpolation: the OS environment
// and any .env file are ignored, so the result is the same on every machine.
var testEnv = []string{"NEO4J_PASSWORD=compose-check-password"}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: compose-check PATH/TO/docker-compose.yml")
		os.Exit(2)
	}
	file := os.Args[1]

	project, err := load(file)
	if err != nil {
		fail(file, []string{err.Error()})
	}
	if problems := checkRules(project); len(problems) > 0 {
		fail(file, problems)
	}
	fmt.Printf("%s: valid (services: %s)\n", file, strings.Join(project.ServiceNames(), ", "))
}

// load runs the real Compose loader. No project name is given, so the one in
// the file's `name:` is used. Paths are not resolved, so the build context
// need not exist; compose-go never contacts a daemon or a registry.
func load(file string) (*types.Project, error) {
	opts, err := cli.NewProjectOptions([]string{file},
		cli.WithEnv(testEnv),
		cli.WithResolvedPaths(false),
		cli.WithInterpolation(true),
		cli.WithNormalization(true),
		cli.WithConsistency(true),
	)
	if err != nil {
		return nil, err
	}
	return opts.LoadProject(context.Background())
}

// checkRules returns one message per broken project rule.
func checkRules(p *types.Project) []string {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }

	// Every published port binds to the host's loopback address only.
	names := p.ServiceNames()
	sort.Strings(names)
	for _, name := range names {
		for _, port := range p.Services[name].Ports {
			if port.HostIP != "127.0.0.1" {
				host, published := port.HostIP, port.Published
				if host == "" {
					host = "all interfaces"
				}
				if published == "" {
					published = "a random port"
				}
				add("service %q publishes container port %d as host %s on %s; bind it to 127.0.0.1 (\"127.0.0.1:HOST:CONTAINER\")",
					name, port.Target, published, host)
			}
		}
	}

	// neo4j: a real healthcheck and a volume mounted at /data.
	if neo4j, ok := p.Services["neo4j"]; !ok {
		add("service \"neo4j\" is missing")
	} else {
		hc := neo4j.HealthCheck
		if hc == nil || hc.Disable || len(hc.Test) == 0 || hc.Test[0] == "NONE" {
			add("service \"neo4j\" has no healthcheck (api waits for it to be healthy)")
		}
		hasData := false
		for _, v := range neo4j.Volumes {
			hasData = hasData || v.Target == "/data"
		}
		if !hasData {
			add("service \"neo4j\" has no volume mounted at /data (the database would be lost with the container)")
		}
	}

	// api: starts only once neo4j is healthy, and gets its connection settings.
	if api, ok := p.Services["api"]; !ok {
		add("service \"api\" is missing")
	} else {
		if dep, ok := api.DependsOn["neo4j"]; !ok || dep.Condition != types.ServiceConditionHealthy {
			add("service \"api\" must depend on \"neo4j\" with condition: %s", types.ServiceConditionHealthy)
		}
		for _, key := range []string{"NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD"} {
			if v, ok := api.Environment[key]; !ok || v == nil || *v == "" {
				add("service \"api\" does not set %s in its environment", key)
			}
		}
	}
	return problems
}

func fail(file string, problems []string) {
	for _, msg := range problems {
		fmt.Fprintf(os.Stderr, "%s: %s\n", file, msg)
	}
	os.Exit(1)
}
