#!/usr/bin/env python3
"""Where a JVM's CPU went, from a JFR recording: share of execution samples by the innermost frame
that belongs to a known library (OpenICR, Xerces, JAXB, Metro, PostgreSQL JDBC, the pool, EJB...).

  jcmd <pid> JFR.start duration=30s filename=/tmp/x.jfr settings=profile
  jfr print --events jdk.ExecutionSample --stack-depth 200 /tmp/x.jfr > /tmp/x.txt
  python3 tools/load-driver/jfr-libraries.py /tmp/x.txt
"""
import collections
import re
import sys

stacks=[];cur=None
for line in open(sys.argv[1]):
    s=line.strip()
    if s.startswith('jdk.ExecutionSample'): cur=[];stacks.append(cur)
    elif cur is not None and re.match(r'^[\w$.<>/]+\(.*\)\s+line:',s): cur.append(s.split('(')[0])
n=len(stacks)
libs=[('org.openicr','app'),('com.sun.org.apache.xerces','xerces'),('com.sun.xml.bind','jaxb'),('org.glassfish.jaxb','jaxb'),('com.sun.xml.ws','metro'),('com.sun.xml.stream','metro-streambuffer'),('com.ctc.wstx','woodstox'),('org.postgresql','pgjdbc'),('com.sun.gjc','pool'),('com.sun.enterprise.resource','pool'),('org.glassfish.resourcebase','pool'),('com.sun.enterprise.transaction','jta'),('com.sun.jts','jta'),('com.sun.ejb','ejb'),('org.glassfish.ejb','ejb'),('org.jboss.weld','weld'),('org.glassfish.soteria','soteria'),('com.sun.enterprise.security','security'),('org.glassfish.security','security'),('com.sun.web.security','security'),('fish.payara.security','security'),('org.glassfish.grizzly','grizzly'),('org.apache.catalina','catalina'),('com.sun.enterprise.web','catalina'),('org.eclipse.persistence','eclipselink'),('org.eclipse.yasson','yasson'),('org.glassfish.json','jsonp'),('fish.payara','payara-other'),('org.glassfish','glassfish-other'),('com.sun','sun-other'),('jdk.jfr','jfr'),('sun.security','jdk-security'),('com.sun.crypto','jdk-crypto')]
c=collections.Counter(); app_caller=collections.Counter()
for st in stacks:
    lab='jdk/other'
    for f in st:
        m=next((l for p,l in libs if f.startswith(p)),None)
        if m: lab=m; break
    c[lab]+=1
for k,v in c.most_common(): print(f'{v*100/n:5.1f}% {k}')
print('samples',n)
