(function(){
  var IDX=JSON.parse(document.getElementById('zhdoc-index').textContent);
  var keys=IDX.keys,sites=IDX.sites,docs=IDX.docs,PAGE=IDX.page||100;
  var POL={affirmed:1,negated:2,uncertain:4};
  var q=document.getElementById('f-text'),fl=document.getElementById('f-label'),fi=document.getElementById('f-id'),
      fp=document.getElementById('f-pol'),fs=document.getElementById('f-site'),ff=document.getElementById('f-from'),
      ft=document.getElementById('f-to'),tbody=document.querySelector('#doclist tbody'),info=document.getElementById('f-info'),
      prev=document.getElementById('f-prev'),next=document.getElementById('f-next'),page=0,hits=[];
  function opt(sel,v,t){var o=document.createElement('option');o.value=v;o.textContent=t;sel.appendChild(o);}
  var labels=[];keys.forEach(function(k){var l=k.split(':')[0];if(labels.indexOf(l)<0)labels.push(l);});
  labels.sort().forEach(function(l){opt(fl,l,l);});
  sites.forEach(function(s,i){opt(fs,String(i),s);});
  function fillIds(){fi.innerHTML='';opt(fi,'','(any id)');keys.forEach(function(k,i){var p=k.indexOf(':');
    if(!fl.value||k.slice(0,p)===fl.value)opt(fi,String(i),fl.value?k.slice(p+1):k);});}
  fillIds();
  function apply(){
    var text=q.value.trim().toLowerCase(),lab=fl.value,id=fi.value===''?-1:+fi.value,pm=POL[fp.value]||7,
        site=fs.value===''?-1:+fs.value,from=ff.value,to=ft.value;
    var words=text?text.split(/\s+/):[];
    hits=[];
    for(var i=0;i<docs.length;i++){
      var d=docs[i];
      if(site>=0&&d[2]!==site)continue;
      if(from&&(!d[3]||d[3].slice(0,from.length)<from))continue;
      if(to&&(!d[3]||d[3].slice(0,to.length)>to))continue;
      if(words.length){var hay=(d[1]+' '+d[0]+' '+sites[d[2]]).toLowerCase(),ok=true;
        for(var w=0;w<words.length;w++){if(hay.indexOf(words[w])<0){ok=false;break;}}if(!ok)continue;}
      if(id>=0||lab||pm!==7){var c=d[5],m=false;
        for(var j=0;j<c.length;j++){var k=c[j]>>3,mask=c[j]&7;
          if(id>=0&&k!==id)continue;
          if(lab&&keys[k].slice(0,lab.length+1)!==lab+':')continue;
          if(mask&pm){m=true;break;}}
        if(!m)continue;}
      hits.push(i);
    }
    page=0;draw();
  }
  function cell(tr,t,href){var td=document.createElement('td');if(href){var a=document.createElement('a');a.href=href;a.textContent=t;td.appendChild(a);}else td.textContent=t;tr.appendChild(td);return td;}
  function draw(){
    tbody.textContent='';
    var pages=Math.max(1,Math.ceil(hits.length/PAGE));if(page>=pages)page=pages-1;
    var s=page*PAGE,e=Math.min(hits.length,s+PAGE);
    for(var i=s;i<e;i++){var d=docs[hits[i]],tr=document.createElement('tr');
      cell(tr,d[1]||d[0],d[0]);cell(tr,sites[d[2]]);cell(tr,d[3]||'');var n=cell(tr,String(d[4]));n.className='n';
      tbody.appendChild(tr);}
    info.textContent=hits.length+' of '+docs.length+' documents'+(hits.length>PAGE?' \u00b7 page '+(page+1)+'/'+pages:'');
    prev.disabled=page<=0;next.disabled=e>=hits.length;
  }
  fl.addEventListener('change',function(){fillIds();apply();});
  [fi,fp,fs,ff,ft].forEach(function(el){el.addEventListener('change',apply);});
  q.addEventListener('input',apply);
  prev.addEventListener('click',function(){page--;draw();});
  next.addEventListener('click',function(){page++;draw();});
  document.getElementById('f-reset').addEventListener('click',function(){q.value='';fl.value='';fillIds();fp.value='';fs.value='';ff.value='';ft.value='';apply();});
  document.querySelectorAll('tr.pick[data-key]').forEach(function(tr){tr.addEventListener('click',function(){
    var k=tr.dataset.key,i=keys.indexOf(k);if(i<0)return;fl.value=k.split(':')[0];fillIds();fi.value=String(i);apply();
    document.getElementById('documents').scrollIntoView();});});
  apply();
})();
