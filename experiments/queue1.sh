#!/bin/bash
cd /work/main/experiments
./run.sh A-TTTL steps=500 lr=5e-3 mlr=3e-2 kinds=TTTL every=1000 bytes=20000
./run.sh T-late steps=500 lr=5e-3 mlr=3e-2 every=1000 "bases=1,1,4,8;9,2,2,8;11,2,2,8" kinds=TTTL bytes=20000
./run.sh T-early steps=500 lr=5e-3 mlr=3e-2 every=1000 "bases=8,2,2,1;9,2,2,8;11,2,2,8" kinds=TTTL bytes=20000
./run.sh A-lr1e-2 steps=500 lr=1e-2 mlr=6e-2 kinds=TTTL every=1000 bytes=20000
