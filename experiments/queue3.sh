#!/bin/bash
cd /work/main/experiments
while kill -0 32745 2>/dev/null; do sleep 5; done
./run.sh T-late steps=500 lr=5e-3 mlr=3e-2 every=1000 "bases=1,1,4,8;9,2,2,8;11,2,2,8" kinds=TTTL bytes=20000
./run.sh A-TTTL steps=500 lr=5e-3 mlr=3e-2 kinds=TTTL every=1000 bytes=20000
