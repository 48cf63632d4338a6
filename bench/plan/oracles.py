#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The tools people would use instead of jangkau's plan room, on the same
CSV instances (bench/plan/plangen.c), for bench/plan.sh.

Prints one line per answer, as bench/plan/planbench.c does:
  RESULT problem=P solver=S time=SECONDS value=V bound=B gap=G proven=0|1 note="..."
The time is wall time from the instance in memory to the answer: building
the model is part of using these tools, so it is in (reading the CSV is
not). A bound or value a tool does not give is "nan".

usage: oracles.py cover DIR K SOLVER LIMIT     SOLVER: spopt_cbc, cbc, highs, glpk
       oracles.py assign DIR TAG SOLVER LIMIT  SOLVER: networkx
       oracles.py pos DIR P SOLVER LIMIT       SOLVER: spopt_cbc, highs, glpk
LIMIT: seconds given to a MIP solver (CBC, HiGHS, GLPK).

spopt_cbc builds the model the way PySAL spopt does (a dense 0/1 coverage
or cost matrix, one PuLP expression over every column of a row, zeros
included) and solves it with Debian's CBC. highs is scipy.optimize.milp on
a sparse matrix. glpk writes a CPLEX LP file and runs glpsol --tmlim.
cbc is the same PuLP model built sparse (for the national size, where the
dense matrix does not fit). networkx is its network simplex on every
eligible arc. pos solves p = P only.
"""
import math
import os
import re
import subprocess
import sys
import tempfile
import time

import numpy as np


def result(problem, solver, t, value, bound, proven, note=""):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        gap = float("nan")
    elif bound is None or (isinstance(bound, float) and math.isnan(bound)):
        gap = float("nan")
    else:
        gap = abs(bound - value) / max(abs(value), 1e-12)
    print('RESULT problem=%s solver=%s time=%.4f value=%s bound=%s gap=%.6f proven=%d note="%s"'
          % (problem, solver, t, fmt(value), fmt(bound), gap, 1 if proven else 0, note),
          flush=True)


def fmt(v):
    if v is None:
        return "nan"
    return "%.6g" % v


# ---- instances ----------------------------------------------------------

def read_cover(d):
    w, cov = [], []
    with open(os.path.join(d, "cov_demands.csv")) as f:
        next(f)
        for line in f:
            p = line.split(",")
            w.append(float(p[3]))
            cov.append(int(p[4]))
    with open(os.path.join(d, "cov_cands.csv")) as f:
        nc = sum(1 for _ in f) - 1
    pairs = np.loadtxt(os.path.join(d, "cov_arcs.csv"), delimiter=",", skiprows=1,
                       dtype=np.int64, ndmin=2)
    return np.array(w), np.array(cov, dtype=bool), nc, pairs


def cover_model(w, covered, nc, pairs):
    """Demands that count (not covered, weight > 0, coverable), renumbered,
    and for each its candidates."""
    nd = len(w)
    need = (~covered) & (w > 0)
    cands = [[] for _ in range(nd)]
    for j, i in pairs:
        if need[i]:
            cands[i].append(int(j))
    rows = [i for i in range(nd) if need[i] and cands[i]]
    unc = int(sum(1 for i in range(nd) if need[i] and not cands[i]))
    return rows, cands, unc


# ---- coverage -----------------------------------------------------------

def cover_spopt_cbc(w, covered, nc, pairs, K, goal, limit, dense=True):
    import pulp
    rows, cands, unc = cover_model(w, covered, nc, pairs)
    t0 = time.time()
    # the dense matrix, as spopt builds it from a distance matrix
    if dense:
        A = np.zeros((len(rows), nc), dtype=np.int64)
        for r, i in enumerate(rows):
            A[r, cands[i]] = 1
    prob = pulp.LpProblem("m", pulp.LpMaximize if goal == "mclp" else pulp.LpMinimize)
    x = [pulp.LpVariable("x%d" % j, cat="Binary") for j in range(nc)]
    if goal == "mclp":
        y = [pulp.LpVariable("y%d" % r, cat="Binary") for r in range(len(rows))]
        prob += pulp.lpSum([float(w[i]) * y[r] for r, i in enumerate(rows)])
        prob += pulp.lpSum(x) <= K
        for r, i in enumerate(rows):
            if dense:
                prob += pulp.lpSum([int(A[r, j]) * x[j] for j in range(nc)]) >= y[r]
            else:
                prob += pulp.lpSum([x[j] for j in cands[i]]) >= y[r]
    else:
        prob += pulp.lpSum(x)
        for r, i in enumerate(rows):
            if dense:
                prob += pulp.lpSum([int(A[r, j]) * x[j] for j in range(nc)]) >= 1
            else:
                prob += pulp.lpSum([x[j] for j in cands[i]]) >= 1
    tb = time.time() - t0
    prob.solve(pulp.COIN_CMD(path="/usr/bin/cbc", msg=False, timeLimit=limit))
    t = time.time() - t0
    status = pulp.LpStatus[prob.status]
    v = pulp.value(prob.objective)
    if v is not None and goal == "mclp":
        v += 0.0
    proven = status == "Optimal" and t < limit + tb
    return t, v, (v if proven else None), proven, "status %s, model built in %.1f s" % (status, tb)


def cover_highs(w, covered, nc, pairs, K, goal, limit):
    from scipy.optimize import milp, LinearConstraint, Bounds
    from scipy.sparse import csr_matrix
    rows, cands, unc = cover_model(w, covered, nc, pairs)
    t0 = time.time()
    nr = len(rows)
    ri, ci = [], []
    for r, i in enumerate(rows):
        for j in cands[i]:
            ri.append(r)
            ci.append(j)
    if goal == "mclp":
        # variables x (nc), y (nr): max w.y, y_r - sum x <= 0, sum x <= K
        data = [-1.0] * len(ri) + [1.0] * nr
        A = csr_matrix((data, (ri + list(range(nr)), ci + [nc + r for r in range(nr)])),
                       shape=(nr, nc + nr))
        B = csr_matrix(([1.0] * nc, ([0] * nc, list(range(nc)))), shape=(1, nc + nr))
        cons = [LinearConstraint(A, -np.inf, 0), LinearConstraint(B, 0, K)]
        c = np.concatenate([np.zeros(nc), -np.array([w[i] for i in rows])])
        n = nc + nr
    else:
        A = csr_matrix(([1.0] * len(ri), (ri, ci)), shape=(nr, nc))
        cons = [LinearConstraint(A, 1, np.inf)]
        c = np.ones(nc)
        n = nc
    res = milp(c, constraints=cons, integrality=np.ones(n), bounds=Bounds(0, 1),
               options={"time_limit": limit, "disp": False})
    t = time.time() - t0
    sign = -1 if goal == "mclp" else 1
    v = sign * res.fun if res.x is not None else None
    b = getattr(res, "mip_dual_bound", None)
    b = sign * b if b is not None and res.x is not None else None
    return t, v, b, res.status == 0, "status %d: %s" % (res.status, res.message.split("(")[0].strip())


GLPK_PROGRESS = re.compile(r"^\+\s*\d+: (?:>>>>>|mip =)\s*(\S+)\s*(<=|>=)\s*(\S+)")


def run_glpsol(lp_text, limit, maximize):
    with tempfile.TemporaryDirectory() as td:
        lp = os.path.join(td, "m.lp")
        with open(lp, "w") as f:
            f.write(lp_text)
        p = subprocess.run(["glpsol", "--lp", lp, "--tmlim", str(int(limit)), "-o",
                            os.path.join(td, "out.txt")], capture_output=True, text=True)
        v = b = None
        for line in p.stdout.splitlines():
            m = GLPK_PROGRESS.match(line)
            if m:
                try:
                    v = float(m.group(1))
                except ValueError:
                    v = None
                b = None if "tree is empty" in line else float(m.group(3)) \
                    if m.group(3) not in ("-inf", "+inf", "inf") else None
        status = "?"
        out = os.path.join(td, "out.txt")
        if os.path.exists(out):
            with open(out) as f:
                txt = f.read()
            m = re.search(r"Status:\s+(.*)", txt)
            status = m.group(1).strip() if m else "?"
            m = re.search(r"Objective:\s+\S+\s*=\s*(\S+)", txt)
            if m and "UNDEFINED" not in status:
                v = float(m.group(1))
        optimal = status == "INTEGER OPTIMAL"
        if optimal:
            b = v
        return v, b, optimal, status


def cover_glpk(w, covered, nc, pairs, K, goal, limit):
    rows, cands, unc = cover_model(w, covered, nc, pairs)
    t0 = time.time()
    out = []
    if goal == "mclp":
        out.append("Maximize\n obj: " + " + ".join("%g y%d" % (w[i], r) for r, i in enumerate(rows)))
        out.append("Subject To")
        out.append(" budget: " + " + ".join("x%d" % j for j in range(nc)) + " <= %d" % K)
        for r, i in enumerate(rows):
            out.append(" c%d: y%d - " % (r, r) + " - ".join("x%d" % j for j in cands[i]) + " <= 0")
        out.append("Binary")
        out.append(" " + " ".join("x%d" % j for j in range(nc)))
        out.append(" " + " ".join("y%d" % r for r in range(len(rows))))
    else:
        out.append("Minimize\n obj: " + " + ".join("x%d" % j for j in range(nc)))
        out.append("Subject To")
        for r, i in enumerate(rows):
            out.append(" c%d: " % r + " + ".join("x%d" % j for j in cands[i]) + " >= 1")
        out.append("Binary")
        out.append(" " + " ".join("x%d" % j for j in range(nc)))
    out.append("End\n")
    v, b, opt, status = run_glpsol("\n".join(out), limit, goal == "mclp")
    return time.time() - t0, v, b, opt, "status %s" % status


# ---- placement ----------------------------------------------------------

def assign_networkx(d, tag, limit):
    import networkx as nx
    cap = []
    with open(os.path.join(d, tag + "_sites.csv")) as f:
        next(f)
        for line in f:
            cap.append(int(line.split(",")[1]))
    with open(os.path.join(d, tag + "_clients.csv")) as f:
        n = sum(1 for _ in f) - 1
    arcs = np.loadtxt(os.path.join(d, tag + "_arcs.csv"), delimiter=",", skiprows=1,
                      dtype=np.int64, ndmin=2)
    t0 = time.time()
    G = nx.DiGraph()
    big = int(arcs[:, 2].max() + 1) * (n + 1) + 1
    for i in range(n):
        G.add_node(("c", i), demand=-1)
        G.add_edge(("c", i), "none", capacity=1, weight=big)
    G.add_node("sink", demand=n)
    G.add_edge("none", "sink", capacity=n, weight=0)
    for j, c in enumerate(cap):
        G.add_edge(("s", j), "sink", capacity=c if c >= 0 else n, weight=0)
    for i, j, c in arcs:
        G.add_edge(("c", int(i)), ("s", int(j)), capacity=1, weight=int(c))
    cost, flow = nx.network_simplex(G)
    t = time.time() - t0
    unplaced = sum(flow[("c", i)]["none"] for i in range(n))
    real = cost - unplaced * big
    return t, real, real, True, "placed %d of %d, all %d arcs" % (n - unplaced, n, len(arcs))


# ---- Pos Bapas ------------------------------------------------------------

def read_pos(d):
    C = np.loadtxt(os.path.join(d, "pm_cost.csv"), delimiter=",", ndmin=2)
    o = np.loadtxt(os.path.join(d, "pm_open.csv"), ndmin=1)
    return C, o


def pos_highs(C, o, P, limit):
    from scipy.optimize import milp, LinearConstraint, Bounds
    from scipy.sparse import coo_matrix, vstack
    n, m = C.shape
    t0 = time.time()
    # x_ij (n*m), z_i (n: to the open office), y_j (m)
    nx_ = n * m
    N = nx_ + n + m
    c = np.concatenate([C.ravel(), o, np.zeros(m)])
    ii = np.repeat(np.arange(n), m)
    jj = np.arange(nx_)
    A1 = coo_matrix((np.ones(nx_ + n), (np.concatenate([ii, np.arange(n)]),
                                         np.concatenate([jj, nx_ + np.arange(n)]))), shape=(n, N))
    r = np.arange(nx_)
    A2 = coo_matrix((np.concatenate([np.ones(nx_), -np.ones(nx_)]),
                     (np.concatenate([r, r]), np.concatenate([jj, nx_ + n + np.tile(np.arange(m), n)]))),
                    shape=(nx_, N))
    A3 = coo_matrix((np.ones(m), (np.zeros(m, dtype=int), nx_ + n + np.arange(m))), shape=(1, N))
    cons = [LinearConstraint(A1.tocsr(), 1, 1), LinearConstraint(A2.tocsr(), -np.inf, 0),
            LinearConstraint(A3.tocsr(), P, P)]
    integ = np.concatenate([np.zeros(nx_ + n), np.ones(m)])
    res = milp(c, constraints=cons, integrality=integ, bounds=Bounds(0, 1),
               options={"time_limit": limit, "disp": False})
    t = time.time() - t0
    v = res.fun if res.x is not None else None
    b = getattr(res, "mip_dual_bound", None) if res.x is not None else None
    return t, v, b, res.status == 0, "status %d" % res.status


def pos_lp_text(C, o, P):
    n, m = C.shape
    out = ["Minimize", " obj: " + " + ".join(
        "%g x%d_%d" % (C[i, j], i, j) for i in range(n) for j in range(m))
        + " + " + " + ".join("%g z%d" % (o[i], i) for i in range(n)), "Subject To"]
    for i in range(n):
        out.append(" a%d: " % i + " + ".join("x%d_%d" % (i, j) for j in range(m)) + " + z%d = 1" % i)
    for i in range(n):
        for j in range(m):
            out.append(" l%d_%d: x%d_%d - y%d <= 0" % (i, j, i, j, j))
    out.append(" p: " + " + ".join("y%d" % j for j in range(m)) + " = %d" % P)
    out.append("Bounds")
    for i in range(n):
        out.append(" 0 <= z%d <= 1" % i)
    out.append("Binary")
    out.append(" " + " ".join("y%d" % j for j in range(m)))
    out.append("End\n")
    return "\n".join(out)


def pos_glpk(C, o, P, limit):
    t0 = time.time()
    v, b, opt, status = run_glpsol(pos_lp_text(C, o, P), limit, False)
    return time.time() - t0, v, b, opt, "status %s" % status


def pos_spopt_cbc(C, o, P, limit):
    import pulp
    n, m = C.shape
    t0 = time.time()
    prob = pulp.LpProblem("pm", pulp.LpMinimize)
    y = [pulp.LpVariable("y%d" % j, cat="Binary") for j in range(m)]
    x = [[pulp.LpVariable("x%d_%d" % (i, j), 0, 1) for j in range(m)] for i in range(n)]
    z = [pulp.LpVariable("z%d" % i, 0, 1) for i in range(n)]
    prob += pulp.lpSum([float(C[i, j]) * x[i][j] for i in range(n) for j in range(m)]) \
        + pulp.lpSum([float(o[i]) * z[i] for i in range(n)])
    for i in range(n):
        prob += pulp.lpSum([x[i][j] for j in range(m)]) + z[i] == 1
    for i in range(n):
        for j in range(m):
            prob += x[i][j] <= y[j]
    prob += pulp.lpSum(y) == P
    tb = time.time() - t0
    prob.solve(pulp.COIN_CMD(path="/usr/bin/cbc", msg=False, timeLimit=limit))
    t = time.time() - t0
    status = pulp.LpStatus[prob.status]
    v = pulp.value(prob.objective)
    proven = status == "Optimal" and t < limit + tb
    return t, v, (v if proven else None), proven, "status %s, model built in %.1f s" % (status, tb)


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    what, d, arg, solver, limit = sys.argv[1:6]
    limit = float(limit)
    if what == "cover":
        K = int(arg)
        inst = read_cover(d)
        fn = {"spopt_cbc": cover_spopt_cbc, "highs": cover_highs, "glpk": cover_glpk,
              "cbc": lambda *a: cover_spopt_cbc(*a, dense=False)}[solver]
        for goal in ("mclp", "lscp"):
            t, v, b, proven, note = fn(*inst, K, goal, limit)
            result("mclp_k%d" % K if goal == "mclp" else "lscp", solver, t, v, b, proven, note)
    elif what == "assign":
        t, v, b, proven, note = assign_networkx(d, arg, limit)
        result("place_" + arg, solver, t, v, b, proven, note)
    elif what == "pos":
        C, o = read_pos(d)
        fn = {"spopt_cbc": pos_spopt_cbc, "highs": pos_highs, "glpk": pos_glpk}[solver]
        P = int(arg)
        t, v, b, proven, note = fn(C, o, P, limit)
        result("pmedian_p%d" % P, solver, t, v, b, proven, note)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
